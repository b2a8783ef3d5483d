package org.aebench.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the declarative matrix: {@code profiles.yaml} plus one YAML file per reference report, and
 * expands it into cells for one profile. Every mistake is reported with the file, the key and what
 * is allowed, before anything runs.
 */
public final class MatrixLoader {
    public static final String PROFILES_FILE = "profiles.yaml";
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("report", "source", "defaults", "experiments");
    private static final Pattern ID_PART = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SWEEP_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    /** Images in both data sets are 28x28. */
    public static final int IMAGE_FEATURES = 784;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** All cells of every matrix file in {@code dir} for {@code profile}, in file and declaration order. */
    public List<Cell> load(Path dir, String profile) {
        Map<String, ProfileSettings> profiles = loadProfiles(dir.resolve(PROFILES_FILE));
        ProfileSettings settings = profiles.get(profile);
        if (settings == null) {
            throw new MatrixException(dir.resolve(PROFILES_FILE) + ": unknown profile '" + profile + "' (allowed: "
                    + String.join(", ", profiles.keySet()) + ")");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals(PROFILES_FILE))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MatrixException("cannot read the matrix folder " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) throw new MatrixException(dir + " holds no matrix files (*.yaml besides " + PROFILES_FILE + ")");
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Path f : files) {
            for (Cell c : loadFile(f, profile, settings, profiles.keySet())) {
                if (!ids.add(c.id())) throw new MatrixException(f + ": cell id '" + c.id() + "' is defined twice");
                cells.add(c);
            }
        }
        return cells;
    }

    public Map<String, ProfileSettings> loadProfiles(Path file) {
        JsonNode root = readTree(file);
        if (!root.isObject() || root.isEmpty()) throw new MatrixException(file + ": expected a mapping of profile names to settings");
        Map<String, ProfileSettings> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ProfileSettings p = map(e.getValue(), ProfileSettings.class, file, "profile '" + e.getKey() + "'");
            checkProfile(p, file, "profile '" + e.getKey() + "'");
            out.put(e.getKey(), p);
        }
        return out;
    }

    List<Cell> loadFile(Path file, String profile, ProfileSettings settings, Set<String> profileNames) {
        JsonNode root = readTree(file);
        if (!root.isObject()) throw new MatrixException(file + ": expected a mapping with keys " + TOP_LEVEL_KEYS);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new MatrixException(file + ": unknown key '" + key + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL_KEYS)) + ")");
            }
        }
        String report = root.path("report").asText("");
        if (!ID_PART.matcher(report).matches()) {
            throw new MatrixException(file + ": key 'report' must be a lower-case id such as r000, found '" + report + "'");
        }
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode() && !defaults.isObject()) throw new MatrixException(file + ": key 'defaults' must be a mapping");
        JsonNode experiments = root.path("experiments");
        if (!experiments.isArray() || experiments.isEmpty()) throw new MatrixException(file + ": key 'experiments' must be a non-empty list");

        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            JsonNode raw = experiments.get(i);
            String where = "experiments[" + i + "]" + (raw.hasNonNull("name") ? " '" + raw.get("name").asText() + "'" : "");
            if (!raw.isObject()) throw new MatrixException(file + ": " + where + " must be a mapping");
            ObjectNode merged = defaults.isObject() ? ((ObjectNode) defaults).deepCopy() : yaml.createObjectNode();
            merged.setAll((ObjectNode) raw);
            for (Map<String, JsonNode> combo : sweepCombinations(merged, file, where)) {
                ObjectNode node = substitute(merged, combo, file, where);
                ExperimentSpec spec = map(node, ExperimentSpec.class, file, where);
                validate(spec, file, where, profileNames);
                ProfileSettings effective = settings.with(spec.profiles() == null ? null : spec.profiles().get(profile));
                cells.addAll(cells(file, report, spec, combo, profile, effective));
            }
        }
        return cells;
    }

    private List<Cell> cells(Path file, String report, ExperimentSpec spec, Map<String, JsonNode> combo, String profile,
                             ProfileSettings settings) {
        Map<String, String> sweep = new LinkedHashMap<>();
        combo.forEach((k, v) -> sweep.put(k, canonical(v)));
        StringBuilder experimentId = new StringBuilder(report).append('/').append(spec.name());
        sweep.forEach((k, v) -> experimentId.append('/').append(k).append('=').append(v));
        experimentId.append('/').append(spec.dataset().key());
        int epochs = 0;
        if (spec.family().trained()) {
            epochs = settings.maxEpochs() == null ? spec.epochs() : Math.min(spec.epochs(), settings.maxEpochs());
        }
        List<Integer> seeds = settings.seeds() != null ? settings.seeds() : spec.seeds() != null ? spec.seeds() : List.of(1);
        List<Cell> out = new ArrayList<>();
        for (int seed : seeds) {
            out.add(new Cell(experimentId + "/seed=" + seed, experimentId.toString(), report, file.getFileName().toString(),
                    spec, java.util.Collections.unmodifiableMap(sweep),
                    seed, profile, settings.trainLimit(), settings.testLimit(), epochs));
        }
        return out;
    }

    /** The cartesian product of the sweep lists, in declaration order; one empty combination when there is no sweep. */
    private static List<Map<String, JsonNode>> sweepCombinations(ObjectNode node, Path file, String where) {
        List<Map<String, JsonNode>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        JsonNode sweep = node.get("sweep");
        if (sweep == null || sweep.isNull()) return combos;
        if (!sweep.isObject() || sweep.isEmpty()) throw new MatrixException(file + ": " + where + ": key 'sweep' must map names to lists of values, e.g. sweep: {h: [64, 128]}");
        for (Iterator<Map.Entry<String, JsonNode>> it = sweep.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> dim = it.next();
            if (!SWEEP_NAME.matcher(dim.getKey()).matches()) {
                throw new MatrixException(file + ": " + where + ": sweep name '" + dim.getKey() + "' must be lower-case letters, digits, '_' and '-'");
            }
            if (!dim.getValue().isArray() || dim.getValue().isEmpty()) {
                throw new MatrixException(file + ": " + where + ": sweep." + dim.getKey() + " must be a non-empty list of values");
            }
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> c : combos) {
                for (JsonNode v : dim.getValue()) {
                    if (!v.isValueNode()) throw new MatrixException(file + ": " + where + ": sweep." + dim.getKey() + " values must be numbers or words");
                    Map<String, JsonNode> m = new LinkedHashMap<>(c);
                    m.put(dim.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    /** Fills one sweep combination in: {@code {name}} inside strings, or the field of that name. */
    private static ObjectNode substitute(ObjectNode merged, Map<String, JsonNode> combo, Path file, String where) {
        ObjectNode node = merged.deepCopy();
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : combo.entrySet()) {
            String field = e.getKey().replace('-', '_');
            if (!field.equals("sweep") && Arrays.stream(ExperimentSpec.class.getRecordComponents())
                    .anyMatch(rc -> PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(rc.getName()).equals(field))) {
                node.set(field, e.getValue());
                used.add(e.getKey());
            }
        }
        node.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("sweep")) f.setValue(replaceIn(f.getValue(), combo, used));
        });
        for (String k : combo.keySet()) {
            if (!used.contains(k)) {
                throw new MatrixException(file + ": " + where + ": sweep '" + k + "' is used nowhere: name a field (e.g. epochs) or write {" + k + "} inside a value such as layers");
            }
        }
        return node;
    }

    private static JsonNode replaceIn(JsonNode v, Map<String, JsonNode> combo, Set<String> used) {
        if (v.isTextual()) {
            String s = v.asText();
            for (Map.Entry<String, JsonNode> e : combo.entrySet()) {
                String token = "{" + e.getKey() + "}";
                if (s.contains(token)) {
                    s = s.replace(token, canonical(e.getValue()));
                    used.add(e.getKey());
                }
            }
            return TextNode.valueOf(s);
        }
        if (v.isArray()) {
            ArrayNode out = ((ArrayNode) v).arrayNode();
            v.forEach(x -> out.add(replaceIn(x, combo, used)));
            return out;
        }
        return v;
    }

    /** A sweep value as it appears in ids: numbers without exponent or trailing zeros (1e-5 -> 0.00001). */
    static String canonical(JsonNode v) {
        if (v.isNumber()) {
            String s = v.decimalValue().stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return v.asText();
    }

    private void validate(ExperimentSpec s, Path file, String where, Set<String> profileNames) {
        String at = file + ": " + where + ": ";
        if (s.name() == null || !ID_PART.matcher(s.name()).matches()) {
            throw new MatrixException(at + "key 'name' is required: lower-case letters, digits and '-' (it becomes part of the cell id)");
        }
        require(s.family(), "family", at, "one of " + keys(Family.values()));
        require(s.dataset(), "dataset", at, "one of " + keys(org.aebench.data.DatasetId.values()));
        if (s.seeds() != null) {
            if (s.seeds().isEmpty()) throw new MatrixException(at + "key 'seeds' must list at least one seed");
            for (int seed : s.seeds()) {
                if (seed <= 0) throw new MatrixException(at + "seeds must be positive integers (0 means 'unseeded' to DL4J), found " + seed);
            }
        }
        if (s.profiles() != null) {
            for (Map.Entry<String, ProfileSettings> e : s.profiles().entrySet()) {
                if (!profileNames.contains(e.getKey())) {
                    throw new MatrixException(at + "profiles: unknown profile '" + e.getKey() + "' (allowed: " + String.join(", ", profileNames) + ")");
                }
                checkProfile(e.getValue(), file, where + " profiles." + e.getKey());
            }
        }
        for (var e : java.util.Map.of("activity_l1", s.activityL1() == null ? 0 : s.activityL1(),
                "contractive", s.contractive() == null ? 0 : s.contractive(), "input_noise", s.trainingNoise(),
                "test_noise", s.testNoise() == null ? 0 : s.testNoise(), "code_noise", s.codeNoiseLevel()).entrySet()) {
            if (!(e.getValue() >= 0)) throw new MatrixException(at + "key '" + e.getKey() + "' must be 0 or more, found " + e.getValue());
        }
        if (s.weightDecay() != null && !(s.weightDecay() >= 0)) throw new MatrixException(at + "key 'weight_decay' must be 0 or more");
        if (s.dropout() != null && !(s.dropout() >= 0 && s.dropout() < 1)) throw new MatrixException(at + "key 'dropout' must be in [0, 1)");
        if (s.classifierEpochs() != null && s.classifierEpochs() <= 0) throw new MatrixException(at + "key 'classifier_epochs' must be positive");
        if ((s.dropout() != null || s.batchNorm() != null) && s.family() != Family.STRIDED_CONV_AE) {
            throw new MatrixException(at + "keys 'dropout' and 'batch_norm' apply to strided-conv-ae only");
        }
        if (s.nonDigitProbe() != null && (s.family() != Family.DENSE_AE || s.dataset() != org.aebench.data.DatasetId.MNIST)) {
            throw new MatrixException(at + "key 'non_digit_probe' applies to dense-ae cells on mnist only");
        }
        if (s.family() != Family.DENSE_AE) {
            for (var e : java.util.Map.of("activity_l1", s.activityL1() != null, "activity_layer", s.activityLayer() != null,
                    "contractive", s.contractive() != null, "code_noise", s.codeNoise() != null).entrySet()) {
                if (e.getValue()) throw new MatrixException(at + "key '" + e.getKey() + "' applies to dense-ae only");
            }
        }
        switch (s.family()) {
            case PCA -> {
                require(s.components(), "components", at, "a positive number of principal components, e.g. components: 30");
                if (s.components() <= 0 || s.components() > IMAGE_FEATURES) {
                    throw new MatrixException(at + "key 'components' must be between 1 and " + IMAGE_FEATURES + ", found " + s.components());
                }
            }
            case BASELINE_ZERO, BASELINE_MEAN -> { }
            case DENSE_AE -> {
                require(s.layers(), "layers", at, "a list of units:activation, e.g. layers: [\"512:relu\", \"784:sigmoid\"]");
                if (s.layers().isEmpty()) throw new MatrixException(at + "key 'layers' must list at least the output layer");
                for (int i = 0; i < s.layers().size(); i++) {
                    if (LayerSpec.parse(s.layers().get(i)) == null) {
                        throw new MatrixException(at + "layers[" + i + "] '" + s.layers().get(i)
                                + "': expected units:activation with units > 0 and activation one of " + Activation.allowed());
                    }
                }
                int out = s.layerSpecs().get(s.layers().size() - 1).units();
                if (out != IMAGE_FEATURES) {
                    throw new MatrixException(at + "the last layer must have " + IMAGE_FEATURES + " units (the image), found " + out);
                }
                int hidden = s.layers().size() - 1;
                if (s.activityLayer() != null && (s.activityLayer() < 0 || s.activityLayer() >= hidden)) {
                    throw new MatrixException(at + "key 'activity_layer' must name a hidden layer, 0 to " + (hidden - 1) + ", found " + s.activityLayer());
                }
                if (s.contractive() != null && s.contractive() > 0
                        && (s.hiddenLayer() != 0 || s.layerSpecs().get(0).activation() != Activation.SIGMOID)) {
                    throw new MatrixException(at + "key 'contractive' needs the first layer to be sigmoid and activity_layer 0");
                }
                if (s.loss() == Loss.BCE && s.layerSpecs().get(s.layers().size() - 1).activation() != Activation.SIGMOID) {
                    throw new MatrixException(at + "loss bce needs a sigmoid output layer (the last of 'layers')");
                }
                requireTraining(s, at);
            }
            case CONV_AE -> {
                require(s.variant(), "variant", at, "one of " + keys(ConvVariant.values()));
                if (s.variant() == ConvVariant.KERAS_DENOISE) require(s.filters(), "filters", at, "channels of both conv layers, e.g. 32");
                if (s.filters() != null && s.filters() <= 0) throw new MatrixException(at + "key 'filters' must be positive");
                requireTraining(s, at);
            }
            case STRIDED_CONV_AE, CONV_VAE -> requireTraining(s, at);
        }
    }

    /** What every gradient-trained family needs. */
    private static void requireTraining(ExperimentSpec s, String at) {
        require(s.loss(), "loss", at, "one of " + keys(Loss.values()));
        require(s.optimizer(), "optimizer", at, "one of " + keys(Optimizer.values()));
        if (s.optimizer() == Optimizer.ADAM) require(s.learningRate(), "learning_rate", at, "a positive number, e.g. 0.001");
        if (s.learningRate() != null && !(s.learningRate() > 0)) throw new MatrixException(at + "key 'learning_rate' must be positive");
        require(s.batchSize(), "batch_size", at, "a positive integer");
        require(s.epochs(), "epochs", at, "a positive integer");
        require(s.init(), "init", at, "one of " + keys(WeightInit.values()));
        if (s.batchSize() <= 0) throw new MatrixException(at + "key 'batch_size' must be positive, found " + s.batchSize());
        if (s.epochs() <= 0) throw new MatrixException(at + "key 'epochs' must be positive, found " + s.epochs());
    }

    private static void checkProfile(ProfileSettings p, Path file, String where) {
        if (p.trainLimit() != null && p.trainLimit() <= 0) throw new MatrixException(file + ": " + where + ": train_limit must be positive");
        if (p.testLimit() != null && p.testLimit() <= 0) throw new MatrixException(file + ": " + where + ": test_limit must be positive");
        if (p.maxEpochs() != null && p.maxEpochs() <= 0) throw new MatrixException(file + ": " + where + ": max_epochs must be positive");
        if (p.seeds() != null) {
            if (p.seeds().isEmpty()) throw new MatrixException(file + ": " + where + ": seeds must list at least one seed");
            for (int seed : p.seeds()) {
                if (seed <= 0) throw new MatrixException(file + ": " + where + ": seeds must be positive integers (0 means 'unseeded' to DL4J), found " + seed);
            }
        }
    }

    private static void require(Object value, String key, String at, String allowed) {
        if (value == null) throw new MatrixException(at + "key '" + key + "' is required for this family: " + allowed);
    }

    private static String keys(Object[] enumValues) {
        return Arrays.stream(enumValues).map(Object::toString).collect(Collectors.joining(", "));
    }

    private JsonNode readTree(Path file) {
        try {
            JsonNode n = yaml.readTree(file.toFile());
            if (n == null || n.isMissingNode()) throw new MatrixException(file + " is empty");
            return n;
        } catch (JsonProcessingException e) {
            throw new MatrixException(file + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new MatrixException(file + " cannot be read: " + e.getMessage());
        }
    }

    private <T> T map(JsonNode node, Class<T> type, Path file, String where) {
        try {
            return yaml.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            List<String> allowed = e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            throw new MatrixException(file + ": " + where + ": unknown key '" + path(e) + "' (allowed: " + String.join(", ", allowed) + ")");
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType().isEnum() ? "one of " + keys(e.getTargetType().getEnumConstants()) : "a " + e.getTargetType().getSimpleName();
            throw new MatrixException(file + ": " + where + ": key '" + path(e) + "' has value '" + e.getValue() + "', expected " + allowed);
        } catch (JsonMappingException e) {
            throw new MatrixException(file + ": " + where + ": key '" + path(e) + "': " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new MatrixException(file + ": " + where + ": " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
