package dev.sandpiper.transforms;

import java.nio.file.Path;

/**
 * One mistake in a transform spec or pipeline: where it is and what is wrong. {@link #toString()}
 * is the line tools print: {@code FILE:LINE: FIELD: MESSAGE}, for example
 * {@code pipeline.yaml:7: transforms[1].instances: must be a whole number of at least 1, not the number 0}.
 *
 * @param file the file holding the mistake, or null for a spec built in code
 * @param line the 1-based line, or 0 when unknown
 * @param field the field, with its path inside a pipeline ({@code transforms[2].timeout_ms});
 *     {@code (syntax)} or {@code (file)} for problems of the file as a whole
 * @param message what is wrong, naming the offending value
 */
public record Problem(Path file, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(file == null ? "<spec>" : file.toString());
        if (line > 0) {
            s.append(':').append(line);
        }
        return s.append(": ").append(field).append(": ").append(message).toString();
    }
}
