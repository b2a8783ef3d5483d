package org.aebench.matrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Every {@link ModelFamily} on the class path, by key. */
public final class Families {
    private static final Map<String, ModelFamily<?>> BY_KEY = new LinkedHashMap<>();

    static {
        for (ModelFamily<?> f : ServiceLoader.load(ModelFamily.class)) {
            ModelFamily<?> other = BY_KEY.putIfAbsent(f.key(), f);
            if (other != null) throw new IllegalStateException("two families with key " + f.key() + ": " + other + ", " + f);
        }
    }

    private Families() {}

    /** The family with this key, or null. */
    public static ModelFamily<?> byKey(String key) {
        return BY_KEY.get(key);
    }

    public static List<ModelFamily<?>> all() {
        return List.copyOf(BY_KEY.values());
    }

    public static List<String> keys() {
        return List.copyOf(BY_KEY.keySet());
    }

    /** A family of a known type, for code and tests that build specs by hand. */
    public static <F extends ModelFamily<?>> F get(Class<F> type) {
        return BY_KEY.values().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is not registered in META-INF/services"));
    }
}
