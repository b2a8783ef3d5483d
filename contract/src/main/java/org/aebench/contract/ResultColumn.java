package org.aebench.contract;

import static org.aebench.contract.ColumnType.BOOLEAN;
import static org.aebench.contract.ColumnType.INTEGER;
import static org.aebench.contract.ColumnType.NUMBER;
import static org.aebench.contract.ColumnType.TEXT;
import static org.aebench.contract.ColumnType.TIMESTAMP;
import static org.aebench.contract.ResultColumn.Role.IDENTITY;
import static org.aebench.contract.ResultColumn.Role.METRIC;
import static org.aebench.contract.ResultColumn.Role.OUTCOME;
import static org.aebench.contract.ResultColumn.Role.PROVENANCE;
import static org.aebench.contract.ResultColumn.Role.SETTING;
import static org.aebench.contract.ResultColumn.Role.SPEED;

/**
 * The columns of {@code results.csv}: the contract between the runner (which writes it) and the
 * site (which reads it). One row per cell x backend x seed. Adding a column is backwards
 * compatible for readers (they look columns up by name); renaming one is not.
 */
public enum ResultColumn implements Column {
    CELL_ID("cell_id", TEXT, IDENTITY, "stable id: report/experiment/sweep/dataset/seed=N"),
    EXPERIMENT_ID("experiment_id", TEXT, IDENTITY, "cell id without the seed: what reference values are matched on"),
    REPORT("report", TEXT, IDENTITY, "reference report id, e.g. r000"),
    EXPERIMENT("experiment", TEXT, IDENTITY, "experiment name inside the report's matrix file"),
    SECTION("section", TEXT, IDENTITY, "section of the reference report the experiment reproduces"),
    FAMILY("family", TEXT, IDENTITY, "model family, e.g. dense-ae, pca, baseline-zero"),
    DATASET("dataset", TEXT, IDENTITY, "mnist or fashion-mnist"),
    SWEEP("sweep", TEXT, IDENTITY, "sweep values of this cell, k=v joined by ';' (empty when none)"),
    ARCHITECTURE("architecture", TEXT, SETTING, "human-readable summary of model, loss and optimizer"),
    SEED("seed", INTEGER, IDENTITY, "the cell's seed; every random choice derives from it"),
    TRAINED_IN("trained_in", TEXT, SETTING, "cell whose run trained the model: the cell itself, or the first of the cells that train the very same network (settings, data, seed, epochs) and differ only in how it is scored; the training's figures (train loss, times) are then that one run's"),
    PROFILE("profile", TEXT, IDENTITY, "smoke, ci or full"),
    BACKEND("backend", TEXT, IDENTITY, "cpu or cuda"),
    STATUS("status", TEXT, OUTCOME, "ok, collapsed (output does not depend on the input) or failed"),
    REASON("reason", TEXT, OUTCOME, "why a cell failed or collapsed; empty when ok"),
    EPOCHS("epochs", INTEGER, SETTING, "epochs trained"),
    REPORT_EPOCHS("report_epochs", INTEGER, SETTING, "epochs the experiment's own (full-profile) settings train; more than epochs when the profile cuts them"),
    BATCH_SIZE("batch_size", INTEGER, SETTING, "training batch size (0 for closed-form models)"),
    TRAIN_SAMPLES("train_samples", INTEGER, SETTING, "training images used"),
    TEST_SAMPLES("test_samples", INTEGER, SETTING, "test images evaluated"),
    TEST_MSE("test_mse", NUMBER, METRIC, "mean squared error per pixel over the test set, pixels in [0,1], against the clean image; the input (or code) carries the cell's test noise"),
    TEST_MAE("test_mae", NUMBER, METRIC, "mean absolute error per pixel over the test set"),
    TEST_PSNR_DB("test_psnr_db", NUMBER, METRIC, "10*log10(1/test_mse): peak signal 1"),
    TEST_SNR_DB("test_snr_db", NUMBER, METRIC, "report 002's SNR: mean over test images of 10*log10(sum of clean pixels^2 / sum of (output - clean)^2)"),
    FINAL_TRAIN_LOSS("final_train_loss", NUMBER, METRIC, "mean training loss of the last epoch, in the model's own loss"),
    FINAL_TEST_LOSS("final_test_loss", NUMBER, METRIC, "test loss after the last epoch, in the model's own loss"),
    TRAIN_SECONDS("train_seconds", NUMBER, SPEED, "wall time of training (all epochs, excluding per-epoch test evaluation)"),
    SECONDS_PER_EPOCH("seconds_per_epoch", NUMBER, SPEED, "train_seconds / epochs"),
    TRAIN_SAMPLES_PER_SECOND("train_samples_per_second", NUMBER, SPEED, "training sample-passes per second"),
    INFER_SAMPLES_PER_SECOND("infer_samples_per_second", NUMBER, SPEED, "test images reconstructed per second"),
    NOISE_FREE_TEST_MSE("noise_free_test_mse", NUMBER, METRIC, "test MSE per pixel with no noise on input or code (equals test_mse for cells without noise)"),
    AVG_ACTIVATION("avg_activation", NUMBER, METRIC, "dense AEs: mean activation of the measured hidden layer over clean test images and units"),
    ACTIVE_FRACTION("active_fraction", NUMBER, METRIC, "dense AEs: fraction of (image, unit) pairs of that layer with activation > 0"),
    CONTRACTIVE_PENALTY("contractive_penalty", NUMBER, METRIC, "contractive AEs: mean over test images of the squared Frobenius norm of the encoder Jacobian"),
    NON_DIGIT_MSE("non_digit_mse", NUMBER, METRIC, "MNIST AEs with a non-digit probe: test MSE per pixel on Fashion-MNIST test items (images unlike any digit)"),
    NOISY_PROBE_MSE("noisy_probe_mse", NUMBER, METRIC, "the same AEs: MSE per pixel, against the clean digits, of the reconstructions of 1,000 test digits with Gaussian noise (sigma 0.5, clipped)"),
    CLASSIFIER_ACCURACY("classifier_accuracy", NUMBER, METRIC, "report 004(b): accuracy of a small CNN trained on clean MNIST, on the original test images"),
    CLASSIFIER_ACCURACY_RECONSTRUCTED("classifier_accuracy_reconstructed", NUMBER, METRIC, "the same CNN's accuracy on this AE's reconstructions of the test images"),
    CLASSIFIER_ACCURACY_NOISY("classifier_accuracy_noisy", NUMBER, METRIC, "the same CNN on the test images with the probe's Gaussian noise (sigma in the architecture)"),
    CLASSIFIER_ACCURACY_DENOISED("classifier_accuracy_denoised", NUMBER, METRIC, "the same CNN on this AE's reconstructions of those noisy images"),
    OUTPUT_STD("output_std", NUMBER, METRIC, "largest per-pixel standard deviation of the output across test images (0 = collapsed)"),
    NOISY_INPUT_MSE("noisy_input_mse", NUMBER, METRIC, "cells scored on noisy test input: MSE per pixel of that input against the clean images, what a model that changed nothing would score"),
    SHARPNESS_RATIO("sharpness_ratio", NUMBER, METRIC, "mean squared difference of neighbouring pixels of the reconstructions of 1,000 test images over that of the images themselves: below 1 is blurrier"),
    CODE_MEAN_ABS("code_mean_abs", NUMBER, METRIC, "models with a readable code: mean |code| of 1,000 clean test images"),
    CODE_KNN_ACCURACY("code_knn_accuracy", NUMBER, METRIC, "models with a readable code: leave-one-out 5-nearest-neighbour accuracy of the label from the codes of 1,000 test images"),
    CODE_SILHOUETTE("code_silhouette", NUMBER, METRIC, "the same codes' mean silhouette by label (Euclidean): near 1 compact separated clusters, near 0 overlapping ones"),
    FILTER_DIGIT_CORRELATION("filter_digit_correlation", NUMBER, METRIC, "dense AEs: mean over the pictured encoder filters of the largest |Pearson correlation| with a class-mean test image"),
    STARTED_AT("started_at", TIMESTAMP, PROVENANCE, "UTC time the cell started"),
    FINISHED_AT("finished_at", TIMESTAMP, PROVENANCE, "UTC time the cell finished"),
    GIT_COMMIT("git_commit", TEXT, PROVENANCE, "commit of the code that produced the row"),
    GIT_DIRTY("git_dirty", BOOLEAN, PROVENANCE, "true when tracked files outside baselines/ had uncommitted changes (the code differs from git_commit)"),
    AEBENCH_VERSION("aebench_version", TEXT, PROVENANCE, "project version"),
    ND4J_BACKEND("nd4j_backend", TEXT, PROVENANCE, "ND4J backend artifact, e.g. nd4j-native"),
    NATIVE_CLASSIFIER("native_classifier", TEXT, PROVENANCE, "native build of libnd4j; numbers are bit-identical only within one"),
    BLAS("blas", TEXT, PROVENANCE, "BLAS library ND4J reports"),
    THREADS("threads", TEXT, PROVENANCE, "native threads (OMP_NUM_THREADS) of the process"),
    JVM("jvm", TEXT, PROVENANCE, "JVM vendor and version"),
    OS("os", TEXT, PROVENANCE, "operating system and kernel"),
    CPU("cpu", TEXT, PROVENANCE, "CPU model and core count"),
    DATASET_SHA256("dataset_sha256", TEXT, PROVENANCE, "SHA-256 of the data files used, file=hash joined by ';'"),
    CPU_ISA("cpu_isa", TEXT, PROVENANCE, "widest x86 vector instruction set the CPU offers (avx512, avx2, avx, sse4.2; else the architecture): libnd4j's oneDNN kernels, and so the last bits of every number, depend on it");

    /** What a column is for, which decides how the regression gate treats it. */
    public enum Role {
        /** names the cell: rows are matched on these */
        IDENTITY,
        /** how the cell was trained; a difference means the experiment changed */
        SETTING,
        /** status and its reason */
        OUTCOME,
        /** a number the model is judged by; compared for regressions */
        METRIC,
        /** wall times and throughput; compared, never a regression on their own */
        SPEED,
        /** where the row came from; decides whether two runs can be compared bit for bit */
        PROVENANCE
    }

    private final String header;
    private final ColumnType type;
    private final Role role;
    private final String description;

    ResultColumn(String header, ColumnType type, Role role, String description) {
        this.header = header;
        this.type = type;
        this.role = role;
        this.description = description;
    }

    @Override
    public ColumnType type() { return type; }

    public Role role() { return role; }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }
}
