package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RecentValuesTest {

    @Test
    void aRepeatedKeyIsComputedOnceWhileItHoldsItsSlot() {
        AtomicInteger computed = new AtomicInteger();
        RecentValues<String, String> memo = new RecentValues<>(4, key -> {
            computed.incrementAndGet();
            return key.toUpperCase();
        });
        String first = memo.get("marlowe");
        assertSame(first, memo.get("marlowe"));
        assertEquals(1, computed.get());
    }

    @Property
    void aTinyMemoAlwaysReturnsTheFunctionsValueWhateverItEvicts(@ForAll List<String> keys) {
        // Two slots: nearly every look-up evicts another key, yet every answer must be the function's.
        RecentValues<String, String> memo = new RecentValues<>(1, key -> "<" + key + ">");
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (String key : keys) {
            expected.add("<" + key + ">");
            actual.add(memo.get(key));
        }
        for (String key : keys) {
            expected.add("<" + key + ">");
            actual.add(memo.get(key));
        }
        assertEquals(expected, actual);
    }
}
