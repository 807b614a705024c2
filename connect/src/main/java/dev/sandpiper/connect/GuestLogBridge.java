package dev.sandpiper.connect;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guest log lines ({@code env.log}, contract.md "Host functions") into the worker's log. The abi writes them to
 * {@link System.Logger} {@code sandpiper.transform.NAME}; in a JVM with no platform-logging provider (a plain Kafka
 * worker) that is java.util.logging, which the worker's log4j does not see. While a plugin of that name is open, this
 * forwards that java.util.logging logger to the SLF4J logger of the same name, at SLF4J's level (0 trace, 1 debug,
 * 2 info, 3 warn, 4 error). Where a provider already routes System.Logger elsewhere (log4j-jpl,
 * slf4j-jdk-platform-logging) it does nothing.
 */
final class GuestLogBridge {
    private static final String PREFIX = "sandpiper.transform.";
    private static final Map<String, Bridge> OPEN = new HashMap<>();

    private GuestLogBridge() {
    }

    /** One plugin named {@code name} opens; pair with {@link #release}. */
    static synchronized void acquire(String name) {
        if (!System.LoggerFinder.getLoggerFinder().getClass().getName().startsWith("sun.util.logging.")) {
            return;
        }
        Bridge b = OPEN.get(name);
        if (b == null) {
            b = new Bridge(PREFIX + name);
            OPEN.put(name, b);
        }
        b.users++;
    }

    static synchronized void release(String name) {
        Bridge b = OPEN.get(name);
        if (b != null && --b.users == 0) {
            b.close();
            OPEN.remove(name);
        }
    }

    /** The java.util.logging logger (held strongly: the LogManager only keeps weak references) and its handler. */
    private static final class Bridge extends Handler {
        final java.util.logging.Logger jul;
        final Logger slf4j;
        final boolean parentHandlers;
        int users;

        Bridge(String loggerName) {
            jul = java.util.logging.Logger.getLogger(loggerName);
            slf4j = LoggerFactory.getLogger(loggerName);
            setFormatter(new SimpleFormatter());
            parentHandlers = jul.getUseParentHandlers();
            jul.setLevel(slf4j.isTraceEnabled() ? Level.FINEST : slf4j.isDebugEnabled() ? Level.FINE
                    : slf4j.isInfoEnabled() ? Level.INFO : slf4j.isWarnEnabled() ? Level.WARNING : Level.SEVERE);
            jul.setUseParentHandlers(false);
            jul.addHandler(this);
        }

        @Override
        public void publish(LogRecord r) {
            String message = getFormatter().formatMessage(r);
            int level = r.getLevel().intValue();
            if (level >= Level.SEVERE.intValue()) {
                slf4j.error(message);
            } else if (level >= Level.WARNING.intValue()) {
                slf4j.warn(message);
            } else if (level >= Level.INFO.intValue()) {
                slf4j.info(message);
            } else if (level >= Level.FINE.intValue()) {
                slf4j.debug(message);
            } else {
                slf4j.trace(message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            jul.removeHandler(this);
            jul.setUseParentHandlers(parentHandlers);
            jul.setLevel(null);
        }
    }
}
