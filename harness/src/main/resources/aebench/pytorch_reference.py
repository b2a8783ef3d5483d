"""PyTorch's training step for the models aebench benchmarks, measured on the same machine.

Run by `aebench bench --pytorch` (make bench-pytorch), never by hand in a pipeline: the harness
passes each model's settings from the matrix, the images it benchmarks with (raw float32 rows),
and JMH's iteration settings; this script builds the same architecture in PyTorch, runs Adam steps
on consecutive batches of those images as ModelBenchmark.train does, and prints one JSON line:
{"torch": version, "rates": [samples/s of each measured iteration]}.

With --train (`aebench crosscheck`, make crosscheck) it instead trains the model to completion on
a cell's training images for the cell's epochs, seeded with the cell's seed number, and prints
{"torch", "test_mse", "test_mae", "dead_at_init", "output_std", "train_seconds"}: an independent
implementation of the same cell, to tell a defect of our port from a property of the architecture.

Why: the speed targets compare aebench with PyTorch, and both drift from day to day on a shared
machine; a figure measured in the same hour on the same cores is the only fair comparison.
Architectures other than dense stacks are written out here by hand, from the classes that build
them in org.aebench.models (named beside each); the matrix's settings are not repeated.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "identity": None}


class Images(nn.Module):
    """Rows of 784 * c values to [n, c, 28, 28] and back."""
    channels_last = False

    def __init__(self, channels, to_image):
        super().__init__()
        self.channels, self.to_image = channels, to_image

    def forward(self, x):
        if not self.to_image:
            return x.reshape(x.shape[0], -1)
        image = x.view(x.shape[0], self.channels, 28, 28)
        return image.contiguous(memory_format=torch.channels_last) if Images.channels_last else image


def dense(layers, features):
    """DenseAutoencoder: 'units:activation' per layer."""
    modules, width = [], features
    for layer in layers:
        units, activation = layer.split(":")
        modules.append(nn.Linear(width, int(units)))
        if ACTIVATIONS[activation]:
            modules.append(ACTIVATIONS[activation]())
        width = int(units)
    return nn.Sequential(*modules)


def conv_deconv():
    """ConvAutoencoder, variant deconv (report 001 section 7.2)."""
    return nn.Sequential(
        Images(1, True),
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.ConvTranspose2d(16, 16, 3, 2), nn.ReLU(),
        nn.ConvTranspose2d(16, 8, 4, 2, 1), nn.ReLU(),
        nn.ConvTranspose2d(8, 1, 4, 2, 1), nn.ReLU(),
        Images(1, False))


def conv_keras_denoise(f):
    """DenoisingConvAutoencoder, family conv-denoiser (report 003 section II): Keras's 'same' transposed convs."""
    return nn.Sequential(
        Images(1, True),
        nn.Conv2d(1, f, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(f, f, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.ConvTranspose2d(f, f, 3, 2, 1, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(f, 1, 3, 2, 1, output_padding=1), nn.Sigmoid(),
        Images(1, False))


def strided_conv(c):
    """StridedConvAutoencoder without dropout or batch norm (report 002 section 4.1)."""
    return nn.Sequential(
        Images(c, True),
        nn.Conv2d(c, 128, 3, 2, 1), nn.ReLU(), nn.Conv2d(128, 64, 3, 2, 1), nn.ReLU(),
        nn.Conv2d(64, 32, 3, 2, 1), nn.ReLU(), nn.Conv2d(32, 16, 3, 2, 1), nn.ReLU(),
        nn.ConvTranspose2d(16, 32, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(32, 64, 3, 2, 1), nn.ReLU(),
        nn.ConvTranspose2d(64, 128, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(128, c, 4, 2, 1), nn.Sigmoid(),
        Images(c, False))


class ConvVae(nn.Module):
    """ConvVariationalAutoencoder (report 002 section 4.3): the stride-2 encoder, mean and log-variance heads of a
    16x2x2 Gaussian code, z = mu + exp(logvar / 2) * eps while training and mu at test time, the strided decoder."""

    def __init__(self, c):
        super().__init__()
        self.trunk = nn.Sequential(
            Images(c, True),
            nn.Conv2d(c, 128, 3, 2, 1), nn.ReLU(), nn.Conv2d(128, 64, 3, 2, 1), nn.ReLU(), nn.Conv2d(64, 32, 3, 2, 1), nn.ReLU())
        self.mu, self.log_var = nn.Conv2d(32, 16, 3, 2, 1), nn.Conv2d(32, 16, 3, 2, 1)
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(16, 32, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(32, 64, 3, 2, 1), nn.ReLU(),
            nn.ConvTranspose2d(64, 128, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(128, c, 4, 2, 1), nn.Sigmoid(),
            Images(c, False))
        self.kl = None

    def forward(self, x):
        h = self.trunk(x)
        mu = self.mu(h)
        if not self.training:
            return self.decoder(mu)
        log_var = self.log_var(h)
        self.kl = -0.5 * (1 + log_var - mu * mu - log_var.exp()).sum(dim=(1, 2, 3)).mean()
        return self.decoder(mu + (0.5 * log_var).exp() * torch.randn_like(mu))


def objective(a, model):
    """The loss of a step, as the Java model computes it: for the VAE the squared error summed over an
    image's pixels plus the KL term, both averaged over the batch; otherwise the matrix's mean loss."""
    if isinstance(model, ConvVae):
        return lambda y, x: ((y - x) ** 2).sum(dim=1).mean() + model.kl
    return nn.MSELoss() if a.loss == "mse" else nn.BCELoss()


def build(a):
    model = architecture(a)
    if model is not None and a.init == "glorot-uniform":
        # Keras's defaults, as the matrix's glorot-uniform means: Glorot-uniform weights, zero biases
        for m in model.modules():
            if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)
    return model


def architecture(a):
    if a.regularised:
        return None
    if a.family == "dense-ae":
        return dense(a.layers.split(","), a.features)
    if a.family == "conv-ae" and a.variant == "deconv":
        return conv_deconv()
    if a.family == "conv-denoiser":
        return conv_keras_denoise(a.filters)
    if a.family == "strided-conv-ae":
        return strided_conv(a.features // 784)
    if a.family == "conv-vae":
        return ConvVae(a.features // 784)
    return None


def timed_iterations(step, count, seconds):
    """Like a JMH iteration: steps until the time is up; samples/s of each."""
    rates = []
    for _ in range(count):
        steps, start = 0, time.perf_counter()
        while True:
            steps += step()
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        rates.append(steps / elapsed)
    return rates


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--family", required=True)
    p.add_argument("--layers", default="")
    p.add_argument("--variant", default="")
    p.add_argument("--filters", type=int, default=0)
    p.add_argument("--regularised", action="store_true", help="a penalty, dropout or batch norm (not built here)")
    p.add_argument("--features", type=int, required=True)
    p.add_argument("--init", choices=["pytorch-uniform", "glorot-uniform"], default="pytorch-uniform",
                   help="initial weights: PyTorch's defaults, or Keras's (Glorot uniform, zero biases)")
    p.add_argument("--images", help="raw little-endian float32 rows of --features values")
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--loss", choices=["mse", "bce"], required=True)
    p.add_argument("--optimizer", choices=["adam", "adadelta"], required=True)
    p.add_argument("--lr", type=float, required=True)
    p.add_argument("--weight-decay", type=float, default=0.0)
    p.add_argument("--threads", type=int)
    p.add_argument("--warmup", type=int)
    p.add_argument("--warmup-seconds", type=float)
    p.add_argument("--iterations", type=int)
    p.add_argument("--seconds", type=float)
    p.add_argument("--check", action="store_true", help="only say whether this model has a PyTorch version")
    p.add_argument("--train", action="store_true", help="train to completion on --images and score on --test-images")
    p.add_argument("--test-images", help="raw little-endian float32 rows of the cell's test images (with --train)")
    p.add_argument("--epochs", type=int, help="epochs to train (with --train)")
    p.add_argument("--seed", type=int, help="seed of the initial weights and the shuffling (with --train)")
    p.add_argument("--input-noise", type=float, default=0.0, help="sigma of Gaussian noise on training inputs, clipped to [0,1] (with --train)")
    p.add_argument("--test-noise", type=float, default=0.0, help="sigma of the same noise on the test inputs scored as noisy_test_mse (with --train)")
    p.add_argument("--channels-last", action="store_true", help="conv models in channels-last memory format (oneDNN's preferred layout)")
    p.add_argument("--keep-denormals", action="store_true", help="leave denormal floats on (PyTorch's default; flushed otherwise)")
    p.add_argument("--collapse-std", type=float, default=1e-3, help="largest per-pixel output std below which a network counts as collapsed")
    a = p.parse_args()

    model = build(a)
    if a.check or model is None:
        print(json.dumps({"torch": torch.__version__, "built": model is not None}))
        return 0 if a.check else 3
    if a.train:
        return train(a, model)
    if None in (a.images, a.threads, a.warmup, a.warmup_seconds, a.iterations, a.seconds):
        p.error("--images, --threads, --warmup, --warmup-seconds, --iterations and --seconds are needed to measure")
    torch.set_num_threads(a.threads)
    # flushed by default: denormal Adam moments cost PyTorch ~30% (docs/performance.md)
    torch.set_flush_denormal(not a.keep_denormals)
    torch.manual_seed(1)
    pool = torch.from_numpy(np.fromfile(a.images, dtype="<f4").reshape(-1, a.features).copy())
    if a.channels_last:
        model = model.to(memory_format=torch.channels_last)
        Images.channels_last = True
    optimizer = optimiser(a, model)
    loss = objective(a, model)
    position = [0]

    def step():
        start = position[0] if position[0] + a.batch <= len(pool) else 0
        x = pool[start:start + a.batch]
        position[0] = start + a.batch
        optimizer.zero_grad()
        loss(model(x), x).backward()
        optimizer.step()
        return a.batch

    timed_iterations(step, a.warmup, a.warmup_seconds)
    print(json.dumps({"torch": torch.__version__, "config": configuration(a), "rates": timed_iterations(step, a.iterations, a.seconds)}))
    return 0


def configuration(a):
    """What decides PyTorch's speed here: the OpenBLAS library loaded, the ATen kernels, the layout, denormals."""
    with open("/proc/self/maps") as maps:
        blas = sorted({line.split()[-1] for line in maps if "libopenblas" in line or "libblas" in line})
    capability = torch.backends.cpu.get_cpu_capability() if hasattr(torch.backends, "cpu") else os.environ.get("ATEN_CPU_CAPABILITY", "default")
    return {"blas": [b.split("/")[-2] for b in blas], "capability": capability, "threads": torch.get_num_threads(),
            "channels_last": a.channels_last, "flush_denormal": not a.keep_denormals}


def optimiser(a, model):
    if a.optimizer == "adam":
        return torch.optim.Adam(model.parameters(), lr=a.lr, weight_decay=a.weight_decay)
    # as DenseAutoencoder's AdaDelta: rho 0.95, eps 1e-6, no learning rate
    return torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.95, eps=1e-6, weight_decay=a.weight_decay)


def train(a, model):
    """A whole training in PyTorch's usual form: a fresh permutation each epoch, Adam steps, then the clean test set."""
    if None in (a.images, a.test_images, a.epochs, a.seed, a.threads):
        sys.exit("--train needs --images, --test-images, --epochs, --seed and --threads")
    torch.set_num_threads(a.threads)
    torch.set_flush_denormal(True)
    torch.manual_seed(a.seed)
    model = build(a)  # built again after seeding, so the initial weights come from the seed
    train_x = torch.from_numpy(np.fromfile(a.images, dtype="<f4").reshape(-1, a.features).copy())
    test_x = torch.from_numpy(np.fromfile(a.test_images, dtype="<f4").reshape(-1, a.features).copy())
    model.eval()  # the VAE's test-time output, from its mean code, draws no noise
    with torch.no_grad():
        dead = bool(float(model(test_x[:1000]).max()) == 0.0)
    model.train()
    optimizer = optimiser(a, model)
    loss = objective(a, model)
    order = torch.Generator().manual_seed(a.seed)
    noise = torch.Generator().manual_seed(a.seed + 1)

    def corrupt(x, sigma):
        # as aebench's NoiseStream: x + sigma N(0, 1), clipped to [0, 1]; the target stays clean
        return x if sigma <= 0 else (x + sigma * torch.randn(x.shape, generator=noise)).clamp_(0, 1)

    start = time.perf_counter()
    for epoch in range(a.epochs):
        perm = torch.randperm(len(train_x), generator=order)
        for i in range(0, len(train_x), a.batch):
            x = train_x[perm[i:i + a.batch]]
            optimizer.zero_grad()
            loss(model(corrupt(x, a.input_noise)), x).backward()
            optimizer.step()
        print(f"pytorch: epoch {epoch + 1}/{a.epochs}", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        y = torch.cat([model(test_x[i:i + 1000]) for i in range(0, len(test_x), 1000)])
        noisy_mse = None
        if a.test_noise > 0:
            noisy_in = corrupt(test_x, a.test_noise)
            noisy_y = torch.cat([model(noisy_in[i:i + 1000]) for i in range(0, len(test_x), 1000)])
            noisy_mse = float(((noisy_y - test_x) ** 2).mean())
    print(json.dumps({"torch": torch.__version__, "test_mse": float(((y - test_x) ** 2).mean()), "noisy_test_mse": noisy_mse,
                      "test_mae": float((y - test_x).abs().mean()), "dead_at_init": dead,
                      "output_std": float(y.std(dim=0).max()), "train_seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
