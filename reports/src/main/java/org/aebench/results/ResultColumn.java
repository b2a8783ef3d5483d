package org.aebench.results;

/**
 * The columns of {@code results.csv}: the contract between the runner (which writes it) and the
 * site (which reads it). One row per cell x backend x seed. Adding a column is backwards
 * compatible for readers (they look columns up by name); renaming one is not.
 */
public enum ResultColumn implements Column {
    CELL_ID("cell_id", "stable id: report/experiment/sweep/dataset/seed=N"),
    EXPERIMENT_ID("experiment_id", "cell id without the seed: what reference values are matched on"),
    REPORT("report", "reference report id, e.g. r000"),
    EXPERIMENT("experiment", "experiment name inside the report's matrix file"),
    SECTION("section", "section of the reference report the experiment reproduces"),
    FAMILY("family", "model family, e.g. dense-ae, pca, baseline-zero"),
    DATASET("dataset", "mnist or fashion-mnist"),
    SWEEP("sweep", "sweep values of this cell, k=v joined by ';' (empty when none)"),
    ARCHITECTURE("architecture", "human-readable summary of model, loss and optimizer"),
    SEED("seed", "the cell's seed; every random choice derives from it"),
    TRAINED_IN("trained_in", "cell whose run trained the model: the cell itself, or the first of the cells that train the very same network (settings, data, seed, epochs) and differ only in how it is scored; the training's figures (train loss, times) are then that one run's"),
    PROFILE("profile", "smoke, ci or full"),
    BACKEND("backend", "cpu or cuda"),
    STATUS("status", "ok, collapsed (output does not depend on the input) or failed"),
    REASON("reason", "why a cell failed or collapsed; empty when ok"),
    EPOCHS("epochs", "epochs trained"),
    REPORT_EPOCHS("report_epochs", "epochs the experiment's own (full-profile) settings train; more than epochs when the profile cuts them"),
    BATCH_SIZE("batch_size", "training batch size (0 for closed-form models)"),
    TRAIN_SAMPLES("train_samples", "training images used"),
    TEST_SAMPLES("test_samples", "test images evaluated"),
    TEST_MSE("test_mse", "mean squared error per pixel over the test set, pixels in [0,1], against the clean image; the input (or code) carries the cell's test noise"),
    TEST_MAE("test_mae", "mean absolute error per pixel over the test set"),
    TEST_PSNR_DB("test_psnr_db", "10*log10(1/test_mse): peak signal 1"),
    TEST_SNR_DB("test_snr_db", "report 002's SNR: mean over test images of 10*log10(sum of clean pixels^2 / sum of (output - clean)^2)"),
    FINAL_TRAIN_LOSS("final_train_loss", "mean training loss of the last epoch, in the model's own loss"),
    FINAL_TEST_LOSS("final_test_loss", "test loss after the last epoch, in the model's own loss"),
    TRAIN_SECONDS("train_seconds", "wall time of training (all epochs, excluding per-epoch test evaluation)"),
    SECONDS_PER_EPOCH("seconds_per_epoch", "train_seconds / epochs"),
    TRAIN_SAMPLES_PER_SECOND("train_samples_per_second", "training sample-passes per second"),
    INFER_SAMPLES_PER_SECOND("infer_samples_per_second", "test images reconstructed per second"),
    NOISE_FREE_TEST_MSE("noise_free_test_mse", "test MSE per pixel with no noise on input or code (equals test_mse for cells without noise)"),
    AVG_ACTIVATION("avg_activation", "dense AEs: mean activation of the measured hidden layer over clean test images and units"),
    ACTIVE_FRACTION("active_fraction", "dense AEs: fraction of (image, unit) pairs of that layer with activation > 0"),
    CONTRACTIVE_PENALTY("contractive_penalty", "contractive AEs: mean over test images of the squared Frobenius norm of the encoder Jacobian"),
    NON_DIGIT_MSE("non_digit_mse", "MNIST AEs with a non-digit probe: test MSE per pixel on Fashion-MNIST test items (images unlike any digit)"),
    CLASSIFIER_ACCURACY("classifier_accuracy", "report 004(b): accuracy of a small CNN trained on clean MNIST, on the original test images"),
    CLASSIFIER_ACCURACY_RECONSTRUCTED("classifier_accuracy_reconstructed", "the same CNN's accuracy on this AE's reconstructions of the test images"),
    CLASSIFIER_ACCURACY_NOISY("classifier_accuracy_noisy", "the same CNN on the test images with the probe's Gaussian noise (sigma in the architecture)"),
    CLASSIFIER_ACCURACY_DENOISED("classifier_accuracy_denoised", "the same CNN on this AE's reconstructions of those noisy images"),
    OUTPUT_STD("output_std", "largest per-pixel standard deviation of the output across test images (0 = collapsed)"),
    STARTED_AT("started_at", "UTC time the cell started"),
    FINISHED_AT("finished_at", "UTC time the cell finished"),
    GIT_COMMIT("git_commit", "commit of the code that produced the row"),
    GIT_DIRTY("git_dirty", "true when the work tree had uncommitted changes"),
    AEBENCH_VERSION("aebench_version", "project version"),
    ND4J_BACKEND("nd4j_backend", "ND4J backend artifact, e.g. nd4j-native"),
    NATIVE_CLASSIFIER("native_classifier", "native build of libnd4j; numbers are bit-identical only within one"),
    BLAS("blas", "BLAS library ND4J reports"),
    THREADS("threads", "native threads (OMP_NUM_THREADS) of the process"),
    JVM("jvm", "JVM vendor and version"),
    OS("os", "operating system and kernel"),
    CPU("cpu", "CPU model and core count"),
    DATASET_SHA256("dataset_sha256", "SHA-256 of the data files used, file=hash joined by ';'");

    private final String header;
    private final String description;

    ResultColumn(String header, String description) {
        this.header = header;
        this.description = description;
    }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }
}
