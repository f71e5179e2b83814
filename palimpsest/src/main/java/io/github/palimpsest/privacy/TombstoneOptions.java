package io.github.palimpsest.privacy;

/**
 * What a {@link Tombstone} keeps besides its tokens: the force, the event date and the event type, each in
 * plain text because a match must say which force to ask and about which event. Identifiers, names,
 * dates of birth, postcodes and addresses are only ever kept as tokens and filters.
 *
 * <pre>{@code
 * TombstoneOptions options = TombstoneOptions.builder().keepEventType(true).build();
 * }</pre>
 *
 * @param keepForce     whether to keep the force code (default yes)
 * @param keepEventDate whether to keep the event date (default yes)
 * @param keepEventType whether to keep the event type text (default no: it is free text and may say more
 *                      than the caller intends)
 */
public record TombstoneOptions(boolean keepForce, boolean keepEventDate, boolean keepEventType) {

    /** Keep the force and event date, not the event type. */
    public static TombstoneOptions defaults() {
        return new TombstoneOptions(true, true, false);
    }

    /** Keep nothing in plain text: tokens, filters and the opaque reference only. */
    public static TombstoneOptions tokensOnly() {
        return new TombstoneOptions(false, false, false);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; not thread-safe. */
    public static final class Builder {
        private boolean keepForce = true;
        private boolean keepEventDate = true;
        private boolean keepEventType;

        private Builder() {
        }

        /** Whether to keep the force code. */
        public Builder keepForce(boolean keep) {
            this.keepForce = keep;
            return this;
        }

        /** Whether to keep the event date. */
        public Builder keepEventDate(boolean keep) {
            this.keepEventDate = keep;
            return this;
        }

        /** Whether to keep the event type. */
        public Builder keepEventType(boolean keep) {
            this.keepEventType = keep;
            return this;
        }

        /** The options. */
        public TombstoneOptions build() {
            return new TombstoneOptions(keepForce, keepEventDate, keepEventType);
        }
    }
}
