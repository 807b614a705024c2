package dev.sandpiper.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what reaches one {@link System.Logger} while open. With no {@code System.LoggerFinder} installed, the JDK
 * backs {@code System.getLogger(name)} with the {@code java.util.logging} logger of the same name, so a handler
 * attached to that logger sees every message, at the JUL level the JDK maps each {@code System.Logger.Level} to
 * (TRACE is FINER, DEBUG is FINE, INFO is INFO, WARNING is WARNING, ERROR is SEVERE). The logger's level is opened to
 * ALL and its parent handlers are cut off (no console noise) until {@link #close()}.
 */
final class LogCapture extends Handler implements AutoCloseable {
    /** One message as logged. */
    record Line(Level level, String message) {
    }

    private final Logger logger; // strong reference: JUL holds loggers weakly
    private final Level oldLevel;
    private final boolean oldUseParent;
    private final List<Line> lines = new ArrayList<>();

    /** Captures the logger of the transform named {@code transformName}: {@code sandpiper.transform.<name>}. */
    static LogCapture transform(String transformName) {
        return new LogCapture("sandpiper.transform." + transformName);
    }

    LogCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        oldLevel = logger.getLevel();
        oldUseParent = logger.getUseParentHandlers();
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(new Line(record.getLevel(), record.getMessage()));
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    synchronized int count() {
        return lines.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(oldLevel);
        logger.setUseParentHandlers(oldUseParent);
    }
}
