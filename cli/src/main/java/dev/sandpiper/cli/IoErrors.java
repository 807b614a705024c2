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
            String what = f.getReason() != null ? f.getReason()
                    : e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + what;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
