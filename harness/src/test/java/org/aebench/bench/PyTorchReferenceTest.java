package org.aebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.MatrixLoader;
import org.junit.jupiter.api.Test;

/** The PyTorch reference must train what the matrix says, and must not stand in a plain model for a regularised one. */
class PyTorchReferenceTest {
    private static ExperimentSpec spec(String experimentId) {
        return new MatrixLoader().load(Path.of("../experiments/matrix"), "full").stream()
                .filter(c -> c.experimentId().equals(experimentId)).findFirst().orElseThrow().spec();
    }

    private static String after(List<String> args, String option) {
        return args.get(args.indexOf(option) + 1);
    }

    @Test
    void argumentsCarryTheMatrixSettings() {
        List<String> args = PyTorchReference.command("python3", Path.of("s.py"), spec("r004/dense-32/mnist"), 784);
        assertEquals("bce", after(args, "--loss"));
        assertEquals("adadelta", after(args, "--optimizer"));
        assertEquals("256", after(args, "--batch"));
        assertEquals("32:relu,784:sigmoid", after(args, "--layers"));
        assertEquals("glorot-uniform", after(args, "--init"), "report 004 is Keras: its initial weights are Keras's");
        assertEquals("pytorch-uniform", after(PyTorchReference.command("python3", Path.of("s.py"), spec("r001/deep-ae/mnist"), 784), "--init"));
        List<String> conv = PyTorchReference.command("python3", Path.of("s.py"), spec("r003/denoising-conv/filters=64/sigma=0.1/fashion-mnist"), 784);
        assertEquals("conv-denoiser", after(conv, "--family"));
        assertEquals("64", after(conv, "--filters"));
        assertFalse(conv.contains("--regularised"));
    }

    @Test
    void penaltiesDropoutAndBatchNormAreMarkedSoThePlainNetworkIsNotMeasuredInstead() {
        for (String id : List.of("r000/sparse/lambda=0.001/mnist", "r004/contractive/mnist", "r002/conv-ae-dropout-bn/colored-mnist")) {
            assertTrue(PyTorchReference.command("python3", Path.of("s.py"), spec(id), 784).contains("--regularised"), id);
        }
        assertFalse(PyTorchReference.command("python3", Path.of("s.py"), spec("r000/deep-ae/mnist"), 784).contains("--regularised"));
    }
}
