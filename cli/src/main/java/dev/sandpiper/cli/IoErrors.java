package dev.sandpiper.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** I/O errors as the commands print them. */
final class IoErrors {
    private IoErrors() {}

    /** "PATH: what went wrong", without the exception's class name where the JDK gives a reason. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return reason(e);
    }

    /**
     * What went wrong, without the path, for messages that name the file themselves ("cannot read
     * FILE: no such file"). A {@link FileSystemException}'s message is only its path when the JDK
     * gives no reason, so the reason is taken from its kind.
     */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason()
                    : e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
