package io.github.palimpsest.cli;

import io.github.palimpsest.CompactLinkResult;
import io.github.palimpsest.Entity;
import io.github.palimpsest.Link;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.LinkStatistics;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.Pattern;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pattern.PlainWords;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.Explanation;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.WordUtils;

/**
 * {@code --report REPORT.html}: one self-contained HTML page (inline CSS and script, nothing fetched) that
 * explains a linking run to a reader who is not a specialist: an overview, a searchable list of every record
 * with its person, and for each person with several records a timeline across forces, the chain of links that
 * joined the records and each link's evidence as a waterfall chart.
 *
 * <p>The data is embedded once, as JSON in a {@code <script type="application/json">} block, and the page
 * renders people a page at a time, so a report over a hundred thousand records stays a file a browser opens.
 * Every string is written through {@link #json(StringBuilder, String)}, which also escapes {@code <},
 * {@code >} and {@code &}: no value can close the script block or open a comment. The page builds its DOM
 * with {@code textContent}, never from markup, so no value is read as HTML either. See docs/report.md.
 */
final class HtmlReport {
    private static final String TEMPLATE = "/io/github/palimpsest/report/report.html";
    private static final String DATA_MARKER = "/*@@DATA@@*/";

    /** One record as the report shows it. */
    record Row(String id, String name, String forceCode, String forceName, Optional<LocalDate> date,
               String eventType, boolean purged, String identifier) {
    }

    /** What the report reads from a result; one implementation per result type. */
    interface Source {
        int recordCount();

        Row row(int record);

        int entityCount();

        String entityId(int entity);

        int[] members(int entity);

        boolean isSeenByMoreThanOneForce(int entity);

        Pattern pattern(int entity);

        /** Every link at or above the threshold between two records of the entity. */
        List<Link> linksWithin(int entity);

        /**
         * The links from a record of the entity to another person that a review decision refused (a non-match,
         * or kept apart by one); empty without decisions.
         */
        default List<Link> linksKeptApart(int entity) {
            return List.of();
        }

        LinkStatistics statistics();

        double thresholdWeight();
    }

    /** How the model was obtained, in the words the overview uses. */
    enum ModelSource {
        TRAINED, BUNDLED, SUPPLIED
    }

    private HtmlReport() {
    }

    /** A source over a {@link LinkResult} and the records it linked (the demo). */
    static Source of(LinkResult result, List<PersonRecord> records) {
        Map<String, Integer> index = new HashMap<>();
        List<Row> rows = new ArrayList<>(records.size());
        for (PersonRecord r : records) {
            index.put(r.recordId(), rows.size());
            ComparableRecord c = ComparableRecord.of(r);
            String name = !r.hasName() ? "" : (r.rawFullName().isBlank() ? r.name().raw() : r.rawFullName()).strip();
            rows.add(new Row(r.recordId(), name, c.forceCode(), c.forceName(), r.eventDate().date(), r.eventType(),
                    r.hasPurgedName() || !r.hasName(), identifier(c)));
        }
        List<Entity> entities = result.entities();
        Map<String, Integer> entityIndex = new HashMap<>();
        for (int e = 0; e < entities.size(); e++) {
            entityIndex.put(entities.get(e).id(), e);
        }
        Map<Integer, List<Link>> within = new HashMap<>();
        Map<Integer, List<Link>> apart = new HashMap<>();
        for (Link l : result.links()) {
            String left = result.entityOf(l.leftId()).orElseThrow().id();
            String right = result.entityOf(l.rightId()).orElseThrow().id();
            if (left.equals(right)) {
                within.computeIfAbsent(entityIndex.get(left), e -> new ArrayList<>()).add(l);
            } else if (isKeptApart(l.decision())) {
                apart.computeIfAbsent(entityIndex.get(left), e -> new ArrayList<>()).add(l);
                apart.computeIfAbsent(entityIndex.get(right), e -> new ArrayList<>()).add(l);
            }
        }
        return new Source() {
            @Override
            public int recordCount() {
                return rows.size();
            }

            @Override
            public Row row(int record) {
                return rows.get(record);
            }

            @Override
            public int entityCount() {
                return entities.size();
            }

            @Override
            public String entityId(int entity) {
                return entities.get(entity).id();
            }

            @Override
            public int[] members(int entity) {
                return entities.get(entity).recordIds().stream().mapToInt(index::get).toArray();
            }

            @Override
            public boolean isSeenByMoreThanOneForce(int entity) {
                return entities.get(entity).isSeenByMoreThanOneForce();
            }

            @Override
            public Pattern pattern(int entity) {
                return entities.get(entity).pattern();
            }

            @Override
            public List<Link> linksWithin(int entity) {
                return within.getOrDefault(entity, List.of());
            }

            @Override
            public List<Link> linksKeptApart(int entity) {
                return apart.getOrDefault(entity, List.of());
            }

            @Override
            public LinkStatistics statistics() {
                return result.statistics();
            }

            @Override
            public double thresholdWeight() {
                return result.thresholdWeight();
            }
        };
    }

    /**
     * A source over a {@link CompactLinkResult} (the {@code link} command). Names are the folded names the
     * records were compared on, capitalised: the raw text is not kept for large pools.
     */
    static Source of(CompactLinkResult result) {
        // Each entity's links, by number: a Link and its explanation are built only for the report's chains.
        Map<String, Integer> index = new HashMap<>(result.recordCount() * 2);
        for (int r = 0; r < result.recordCount(); r++) {
            index.put(result.record(r).recordId(), r);
        }
        Map<Integer, List<Integer>> within = new HashMap<>();
        Map<Integer, List<Integer>> apart = new HashMap<>();
        for (int k = 0; k < result.linkCount(); k++) {
            Link l = result.link(k);
            int entity = result.entityOf(index.get(l.leftId()));
            int other = result.entityOf(index.get(l.rightId()));
            if (entity == other) {
                within.computeIfAbsent(entity, e -> new ArrayList<>()).add(k);
            } else if (isKeptApart(l.decision())) {
                apart.computeIfAbsent(entity, e -> new ArrayList<>()).add(k);
                apart.computeIfAbsent(other, e -> new ArrayList<>()).add(k);
            }
        }
        return new Source() {
            @Override
            public int recordCount() {
                return result.recordCount();
            }

            @Override
            public Row row(int record) {
                ComparableRecord c = result.record(record);
                String name = String.join(" ", List.of(c.forename(), c.middleInitials(), c.surname()).stream()
                        .filter(s -> !s.isEmpty()).toList());
                int d = c.eventDate();
                Optional<LocalDate> date = d == 0 ? Optional.empty()
                        : Optional.of(LocalDate.of(d / 10_000, d / 100 % 100, d % 100));
                return new Row(c.recordId(), WordUtils.capitalizeFully(name, ' ', '-', '\''), c.forceCode(),
                        c.forceName(), date, c.eventType(), c.isNamePurged() || name.isEmpty(), identifier(c));
            }

            @Override
            public int entityCount() {
                return result.entityCount();
            }

            @Override
            public String entityId(int entity) {
                return result.entityId(entity);
            }

            @Override
            public int[] members(int entity) {
                return result.members(entity);
            }

            @Override
            public boolean isSeenByMoreThanOneForce(int entity) {
                return result.isSeenByMoreThanOneForce(entity);
            }

            @Override
            public Pattern pattern(int entity) {
                return result.pattern(entity);
            }

            @Override
            public List<Link> linksWithin(int entity) {
                return within.getOrDefault(entity, List.of()).stream().map(result::link).toList();
            }

            @Override
            public List<Link> linksKeptApart(int entity) {
                return apart.getOrDefault(entity, List.of()).stream().map(result::link).toList();
            }

            @Override
            public LinkStatistics statistics() {
                return result.statistics();
            }

            @Override
            public double thresholdWeight() {
                return result.thresholdWeight();
            }
        };
    }

    private static boolean isKeptApart(Link.Decision decision) {
        return decision == Link.Decision.NON_MATCH || decision == Link.Decision.KEPT_APART;
    }

    private static String identifier(ComparableRecord c) {
        if (!c.pncId().isEmpty()) {
            return "PNC " + c.pncId();
        }
        if (!c.croNumber().isEmpty()) {
            return "CRO " + c.croNumber();
        }
        if (!c.niNumber().isEmpty()) {
            return "NI " + c.niNumber();
        }
        return "";
    }

    /**
     * Writes the report.
     *
     * @param title              the page's heading, e.g. the input files
     * @param recordsWithProblems the records in which reading found a problem
     * @param model              how the model was obtained
     */
    static void write(Writer out, Source source, String title, int recordsWithProblems, ModelSource model)
            throws IOException {
        String template = template();
        int at = template.indexOf(DATA_MARKER);
        out.write(template, 0, at);
        data(out, source, title, recordsWithProblems, model);
        out.write(template, at + DATA_MARKER.length(), template.length() - at - DATA_MARKER.length());
        out.flush();
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the report template " + TEMPLATE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The embedded JSON. Records are arrays {@code [id, name, forceCode, forceName, date, eventType, person,
     * purged, identifier]}; persons with several records are {@code [entity, multiForce, events, links]} with
     * events {@code [record, joinedThroughRecord, link, evidence]} in date order and links {@code [left, right,
     * weight, probability, priorWeight, householdWeight, relativesApart, rows]} (and a ninth element 1 for a
     * link a reviewer's match made), rows {@code [comparison, level, weight]} as indexes into the {@code words}
     * table. A person with links review decisions refused has a fifth element: {@code [recordHere,
     * recordElsewhere, decision]}, the decision's text as a word index.
     */
    static void data(Writer out, Source source, String title, int recordsWithProblems, ModelSource model)
            throws IOException {
        int n = source.recordCount();
        Map<String, Integer> recordIndex = new HashMap<>(n * 2);
        for (int r = 0; r < n; r++) {
            recordIndex.put(source.row(r).id(), r);
        }
        int[] personOf = new int[n];
        Map<String, Integer> words = new LinkedHashMap<>();
        StringBuilder persons = new StringBuilder();
        int multiForce = 0;
        int severalRecords = 0;
        for (int e = 0; e < source.entityCount(); e++) {
            int[] members = source.members(e);
            for (int r : members) {
                personOf[r] = e;
            }
            boolean several = source.isSeenByMoreThanOneForce(e);
            if (several) {
                multiForce++;
            }
            if (members.length < 2) {
                continue;
            }
            severalRecords++;
            appendPerson(persons, source, e, several, recordIndex, words, source.thresholdWeight());
        }
        java.util.Set<String> forces = new java.util.HashSet<>();
        for (int r = 0; r < n; r++) {
            Row row = source.row(r);
            forces.add(row.forceCode().isEmpty() ? row.forceName() : row.forceCode());
        }
        StringBuilder s = new StringBuilder(1024);
        s.append("{\"meta\":{\"title\":");
        json(s, title);
        LinkStatistics st = source.statistics();
        s.append(",\"records\":").append(n);
        s.append(",\"people\":").append(source.entityCount());
        s.append(",\"multiForce\":").append(multiForce);
        s.append(",\"severalRecords\":").append(severalRecords);
        s.append(",\"links\":").append(st.links());
        s.append(",\"problems\":").append(recordsWithProblems);
        s.append(",\"model\":");
        json(s, model.name().toLowerCase(Locale.ROOT));
        // The health check's note (a retrain, a fallback model, a pool too small to train on): a reader must
        // know when the model that scored these links is not the one training was meant to give.
        s.append(",\"modelNote\":");
        json(s, st.trainingNote());
        s.append(",\"thresholdWeight\":").append(round(source.thresholdWeight(), 4));
        s.append(",\"threshold\":").append(round(MatchModel.probability(source.thresholdWeight()), 6));
        s.append(",\"forces\":").append(forces.size()).append("},\"entities\":[");
        // Written a block at a time, so that a large pool never holds its whole report as one string.
        for (int e = 0; e < source.entityCount(); e++) {
            if (e > 0) {
                s.append(',');
            }
            json(s, source.entityId(e));
            s = flushIfLarge(out, s);
        }
        s.append("],\"records\":[");
        for (int r = 0; r < n; r++) {
            Row row = source.row(r);
            s.append(r == 0 ? "" : ",").append('[');
            json(s, row.id());
            s.append(',');
            json(s, row.name());
            s.append(',');
            json(s, row.forceCode());
            s.append(',');
            json(s, row.forceName());
            s.append(',');
            json(s, row.date().map(LocalDate::toString).orElse(""));
            s.append(',');
            json(s, row.eventType());
            s.append(',').append(personOf[r]).append(',').append(row.purged() ? 1 : 0).append(',');
            json(s, row.identifier());
            s.append(']');
            s = flushIfLarge(out, s);
        }
        s.append("],\"persons\":[");
        out.append(s);
        out.append(persons);
        s = new StringBuilder(1024).append("],\"words\":[");
        boolean first = true;
        for (String w : words.keySet()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            json(s, w);
        }
        // The words every explanation of a link uses (pattern.PlainWords), so the page says what the demo,
        // the summaries and vet say.
        s.append("],\"plain\":{");
        boolean firstTable = true;
        for (Map.Entry<String, Map<String, String>> table : new java.util.TreeMap<>(PlainWords.tables()).entrySet()) {
            s.append(firstTable ? "" : ",");
            firstTable = false;
            json(s, table.getKey());
            s.append(":{");
            boolean firstEntry = true;
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(table.getValue()).entrySet()) {
                s.append(firstEntry ? "" : ",");
                firstEntry = false;
                json(s, entry.getKey());
                s.append(':');
                json(s, entry.getValue());
            }
            s.append('}');
        }
        out.append(s.append("}}"));
    }

    private static StringBuilder flushIfLarge(Writer out, StringBuilder s) throws IOException {
        if (s.length() < 1 << 16) {
            return s;
        }
        out.append(s);
        s.setLength(0);
        return s;
    }

    /**
     * A person's events in date order, each with the record it joined through ({@link PersonChain}: the
     * maximum spanning tree of the links between the person's records, grown from the earliest record).
     */
    private static void appendPerson(StringBuilder s, Source source, int entity, boolean multiForce,
            Map<String, Integer> recordIndex, Map<String, Integer> words, double thresholdWeight) {
        Pattern pattern = source.pattern(entity);
        List<PatternEvent> events = pattern.events();
        PersonChain chain = PersonChain.of(events, source.linksWithin(entity));
        // The chain's links, numbered in event order.
        List<Link> links = new ArrayList<>();
        int[] through = chain.through();
        int[] by = new int[events.size()];
        java.util.Arrays.fill(by, -1);
        for (int i = 0; i < events.size(); i++) {
            if (chain.by()[i] != null) {
                by[i] = links.size();
                links.add(chain.by()[i]);
            }
        }
        if (s.length() > 0) {
            s.append(',');
        }
        s.append('[').append(entity).append(',').append(multiForce ? 1 : 0).append(",[");
        for (int i = 0; i < events.size(); i++) {
            String evidence = by[i] < 0 ? "" : Evidence.strongest(links.get(by[i]).explanation(), thresholdWeight);
            s.append(i == 0 ? "" : ",").append('[').append(recordIndex.get(events.get(i).recordId())).append(',')
                    .append(through[i] < 0 ? -1 : recordIndex.get(events.get(through[i]).recordId())).append(',')
                    .append(by[i]).append(',').append(word(words, evidence)).append(']');
        }
        s.append("],[");
        for (int k = 0; k < links.size(); k++) {
            Link l = links.get(k);
            Explanation x = l.explanation();
            s.append(k == 0 ? "" : ",").append('[').append(recordIndex.get(l.leftId())).append(',')
                    .append(recordIndex.get(l.rightId())).append(',').append(round(l.matchWeight(), 2)).append(',')
                    .append(round(l.probability(), 6)).append(',').append(round(x.priorWeight(), 2)).append(',')
                    .append(round(x.householdWeight(), 2)).append(',').append(x.relativesApart() ? 1 : 0).append(",[");
            boolean firstRow = true;
            for (Explanation.Row row : x.rows()) {
                s.append(firstRow ? "" : ",").append('[').append(word(words, row.comparison())).append(',')
                        .append(word(words, row.level())).append(',').append(round(row.weight(), 2)).append(']');
                firstRow = false;
            }
            // A link a reviewer's match made carries a ninth element; without decisions the data is unchanged.
            s.append(l.decision() == Link.Decision.MATCH ? "],1]" : "]]");
        }
        s.append(']');
        List<Link> apart = source.linksKeptApart(entity);
        if (!apart.isEmpty()) {
            // A fifth element: the links review decisions refused, [record here, record elsewhere, words index].
            s.append(",[");
            for (int k = 0; k < apart.size(); k++) {
                Link l = apart.get(k);
                boolean leftHere = events.stream().anyMatch(e -> e.recordId().equals(l.leftId()));
                String here = leftHere ? l.leftId() : l.rightId();
                String there = leftHere ? l.rightId() : l.leftId();
                s.append(k == 0 ? "" : ",").append('[').append(recordIndex.get(here)).append(',')
                        .append(recordIndex.get(there)).append(',').append(word(words, l.decision().text()))
                        .append(']');
            }
            s.append(']');
        }
        s.append(']');
    }

    private static int word(Map<String, Integer> words, String w) {
        return words.computeIfAbsent(w, x -> words.size());
    }

    private static String round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value > 0 ? "1e308" : "-1e308";
        }
        String text = java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /**
     * Appends {@code value} as a JSON string that is also safe inside an HTML script element: {@code <},
     * {@code >}, {@code &}, the line and paragraph separators and every control character are written as
     * {@code \}{@code uXXXX} escapes, so no value can form {@code </script>} or {@code <!--}.
     */
    static void json(StringBuilder s, String value) {
        s.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
