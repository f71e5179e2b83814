package io.github.palimpsest.privacy;
import io.github.palimpsest.record.PersonRecord;
public class Scratch4 {
    public static void main(String[] a) {
        String[][] pairs = {{"william","bill"},{"elizabeth","liz"},{"margaret","peggy"},{"john","jack"},{"william","oscar"},{"john","mary"},{"elizabeth","catherine"},{"robert","robin"},{"jhon","john"}};
        for (String[] p : pairs) {
            StringBuilder sb = new StringBuilder(p[0]+"/"+p[1]);
            for (int k = 0; k < 8; k++) {
                byte[] key = new byte[32]; key[0] = (byte) k;
                DeploymentSecret s = DeploymentSecret.fromBytes(key);
                Tombstone x = Tombstone.of(PersonRecord.builder().recordId("1").forename(p[0]).build(), s, TombstoneOptions.defaults());
                Tombstone y = Tombstone.of(PersonRecord.builder().recordId("2").forename(p[1]).build(), s, TombstoneOptions.defaults());
                sb.append(String.format(" %.3f", x.filter(BloomField.FORENAME_EQUIVALENTS).get().dice(y.filter(BloomField.FORENAME_EQUIVALENTS).get())));
            }
            System.out.println(sb);
        }
    }
}
