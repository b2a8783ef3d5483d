package org.aebench.data;

/** A data file is missing, truncated, corrupt or not the one the project pins; the message says the fix. */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
