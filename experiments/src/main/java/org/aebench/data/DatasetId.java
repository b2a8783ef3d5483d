package org.aebench.data;

import com.fasterxml.jackson.annotation.JsonValue;

/** The data sets the matrix may name, with their files relative to the data folder. */
public enum DatasetId {
    MNIST("mnist", "mnist/train-images-idx3-ubyte", "mnist/train-labels-idx1-ubyte",
            "mnist/t10k-images-idx3-ubyte", "mnist/t10k-labels-idx1-ubyte"),
    FASHION_MNIST("fashion-mnist", "fashion-mnist/train-images-idx3-ubyte.gz", "fashion-mnist/train-labels-idx1-ubyte.gz",
            "fashion-mnist/t10k-images-idx3-ubyte.gz", "fashion-mnist/t10k-labels-idx1-ubyte.gz"),
    /**
     * Report 002's coloured MNIST, derived from MNIST (no files of its own): see {@link ColouredMnist}
     * for the colouring rule. Three planes (R, G, B) of 28x28 per image.
     */
    COLORED_MNIST("colored-mnist", MNIST.trainImages, MNIST.trainLabels, MNIST.testImages, MNIST.testLabels);

    private final String key;
    private final String trainImages;
    private final String trainLabels;
    private final String testImages;
    private final String testLabels;

    DatasetId(String key, String trainImages, String trainLabels, String testImages, String testLabels) {
        this.key = key;
        this.trainImages = trainImages;
        this.trainLabels = trainLabels;
        this.testImages = testImages;
        this.testLabels = testLabels;
    }

    /** Colour planes per image (1 = grayscale); each image is {@code channels x 28 x 28} floats, plane after plane. */
    public int channels() { return this == COLORED_MNIST ? 3 : 1; }

    /** Pixels per image. */
    public int features() { return channels() * 784; }

    /** The data set whose files this one is made from (itself for those with files of their own). */
    public DatasetId source() { return this == COLORED_MNIST ? MNIST : this; }

    @JsonValue
    public String key() { return key; }

    public String trainImages() { return trainImages; }

    public String trainLabels() { return trainLabels; }

    public String testImages() { return testImages; }

    public String testLabels() { return testLabels; }

    @Override
    public String toString() { return key; }
}
