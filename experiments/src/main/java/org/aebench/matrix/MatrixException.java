package org.aebench.matrix;

/** A matrix file is wrong: the message names the file, the key and what is allowed. */
public final class MatrixException extends RuntimeException {
    public MatrixException(String message) {
        super(message);
    }
}
