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
            ModelFamily<?> family = family(merged, file, where);
            Set<String> familyKeys = keysOf(family.settingsType());
            for (Map<String, JsonNode> combo : sweepCombinations(merged, file, where)) {
                ObjectNode node = substitute(merged, combo, familyKeys, file, where);
                ObjectNode own = familyPart(node, familyKeys, file, where);
                node.remove("family");
                ExperimentSpec spec = map(node, ExperimentSpec.class, file, where).with(family, map(own, family.settingsType(), file, where));
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

    /** The keys every experiment may have: {@link ExperimentSpec}'s components but the family's settings. */
    private static final Set<String> SHARED_KEYS = sharedKeys();

    private static Set<String> sharedKeys() {
        Set<String> keys = new LinkedHashSet<>(keysOf(ExperimentSpec.class));
        keys.remove("settings");
        return keys;
    }

    /** A record's components as matrix keys (snake case). */
    static Set<String> keysOf(Class<? extends Record> type) {
        Set<String> keys = new LinkedHashSet<>();
        for (var rc : type.getRecordComponents()) keys.add(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(rc.getName()));
        return keys;
    }

    /** The experiment's family, named by its {@code family} key. */
    private static ModelFamily<?> family(ObjectNode node, Path file, String where) {
        String at = file + ": " + where + ": ";
        JsonNode key = node.get("family");
        if (key == null || key.isNull()) throw new MatrixException(at + "key 'family' is required: one of " + String.join(", ", Families.keys()));
        ModelFamily<?> family = Families.byKey(key.asText());
        if (family == null) {
            throw new MatrixException(at + "key 'family' has value '" + key.asText() + "', expected one of " + String.join(", ", Families.keys()));
        }
        return family;
    }

    /** Moves the family's own keys out of {@code node}; any key neither shared nor the family's is an error naming both lists. */
    private static ObjectNode familyPart(ObjectNode node, Set<String> familyKeys, Path file, String where) {
        ObjectNode own = node.objectNode();
        for (String key : new ArrayList<>(iterable(node.fieldNames()))) {
            if (familyKeys.contains(key)) own.set(key, node.remove(key));
            else if (!SHARED_KEYS.contains(key)) {
                Set<String> allowed = new java.util.TreeSet<>(SHARED_KEYS);
                allowed.addAll(familyKeys);
                allowed.remove("settings");
                throw new MatrixException(file + ": " + where + ": unknown key '" + key + "' for family " + node.path("family").asText()
                        + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return own;
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Fills one sweep combination in: {@code {name}} inside strings, or the field of that name. */
    private static ObjectNode substitute(ObjectNode merged, Map<String, JsonNode> combo, Set<String> familyKeys, Path file, String where) {
        ObjectNode node = merged.deepCopy();
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : combo.entrySet()) {
            String field = e.getKey().replace('-', '_');
            if (!field.equals("sweep") && !field.equals("settings") && (SHARED_KEYS.contains(field) || familyKeys.contains(field))) {
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
        for (var e : java.util.Map.of("input_noise", s.trainingNoise(), "test_noise", s.testNoise() == null ? 0 : s.testNoise()).entrySet()) {
            if (!(e.getValue() >= 0)) throw new MatrixException(at + "key '" + e.getKey() + "' must be 0 or more, found " + e.getValue());
        }
        if (s.weightDecay() != null && !(s.weightDecay() >= 0)) throw new MatrixException(at + "key 'weight_decay' must be 0 or more");
        if (s.family().trained()) requireTraining(s, at);
        s.validate(at);
    }

    /** What every gradient-trained family needs. */
    static void requireTraining(ExperimentSpec s, String at) {
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

    /** Throws the matrix's message for a key this family requires. */
    public static void require(Object value, String key, String at, String allowed) {
        if (value == null) throw new MatrixException(at + "key '" + key + "' is required for this family: " + allowed);
    }

    public static String keys(Object[] enumValues) {
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
