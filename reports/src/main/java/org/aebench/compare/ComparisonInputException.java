package org.aebench.compare;

import java.io.IOException;

/** Input the gate cannot compare (missing folder, malformed or mismatched results); the command exits 2. */
public final class ComparisonInputException extends IOException {
    public ComparisonInputException(String message) {
        super(message);
    }
}
