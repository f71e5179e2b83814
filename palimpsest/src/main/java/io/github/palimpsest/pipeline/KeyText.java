package io.github.palimpsest.pipeline;

import java.util.function.Consumer;

/**
 * Keys put together from parts without a String each. A sink that only hashes its keys ({@link Hashing}: the
 * blocking's {@link KeyBuffer}, the split keys of {@link RuleBlocks}) lends one reusable builder, and a rule
 * that builds a key in it ({@link #start}, then {@link #accept}) hands over the text to be hashed in place;
 * any other sink gets the key as a String, as before. The text, and so its hash, is the same either way: at a
 * million records the rules' keys were some 1.5 GB of short-lived strings.
 *
 * <p>Use: {@code StringBuilder key = KeyText.start(keys); key.append(a).append('|').append(b);
 * KeyText.accept(keys, key);} — one key at a time, finished before the next is started.
 */
public final class KeyText {
    private KeyText() {
    }

    /** An empty builder for the next key for {@code keys}: the sink's own when it lends one, else a new one. */
    public static StringBuilder start(Consumer<String> keys) {
        if (keys instanceof Hashing hashing) {
            hashing.builder.setLength(0);
            return hashing.builder;
        }
        return new StringBuilder();
    }

    /** Gives {@code keys} the key built in {@code key} (from {@link #start}), as {@code keys.accept(key.toString())}. */
    public static void accept(Consumer<String> keys, StringBuilder key) {
        if (keys instanceof Hashing hashing && key == hashing.builder) {
            hashing.acceptBuilt();
        } else {
            keys.accept(key.toString());
        }
    }

    /**
     * A sink that keeps only the 64-bit hash ({@link KeyBuffer#hash64}) of each non-empty key (the empty key
     * means "missing"). Not thread-safe: one per thread.
     */
    abstract static class Hashing implements Consumer<String> {
        private final StringBuilder builder = new StringBuilder(64);

        /** Takes the hash of one non-empty key. */
        abstract void acceptHash(long hash);

        @Override
        public final void accept(String key) {
            if (key != null && !key.isEmpty()) {
                acceptHash(KeyBuffer.hash64(key));
            }
        }

        private void acceptBuilt() {
            if (builder.length() > 0) {
                acceptHash(KeyBuffer.hash64(builder));
            }
        }
    }
}
