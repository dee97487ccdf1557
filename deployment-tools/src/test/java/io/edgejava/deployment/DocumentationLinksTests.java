package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tutorial stays navigable: every relative link in README.md, docs/*.md and the module READMEs
 * points at a file that exists and, when it names an {@code #anchor}, at a heading of that file (as
 * GitHub makes anchors: lower case, spaces to {@code -}, punctuation dropped); and every "Verify it
 * worked" section has a code block for {@code .ci/docs-verify} to run (or to skip, when marked
 * {@code # needs Azure}). The checks are shown to fail on a broken link and a broken anchor.
 */
class DocumentationLinksTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyRelativeLinkAndAnchorInTheDocumentationResolves() {
        List<String> problems = new ArrayList<>();
        for (Path file : documentation()) {
            problems.addAll(new Documentation(ROOT).brokenLinks(file, read(file)));
        }

        assertThat(problems).as("broken links").isEmpty();
    }

    @Test
    void everyVerifyItWorkedSectionHasACodeBlock() {
        List<String> problems = new ArrayList<>();
        for (Path file : documentation()) {
            problems.addAll(Documentation.verifySectionsWithoutCode(relative(file), read(file)));
        }

        assertThat(problems).as("\"Verify it worked\" sections without a code block").isEmpty();
    }

    @Test
    void theTutorialHasItsNumberedPages() {
        assertThat(documentation())
                .as("README.md and the numbered pages docs/01-... to docs/07-...")
                .contains(ROOT.resolve("README.md"))
                .anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("01-"))
                .anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("07-"));
    }

    @Test
    void aLinkToAMissingFileIsReportedWithFileAndLine() {
        String readme =
                """
                # Title

                See [the manifest](deployment.template.json) and [page 9](docs/09-missing.md).
                """;

        assertThat(new Documentation(ROOT).brokenLinks(ROOT.resolve("README.md"), readme))
                .containsExactly("README.md:3: docs/09-missing.md: no such file");
    }

    @Test
    void anAnchorThatIsNotAHeadingOfItsTargetIsReported() {
        String readme =
                """
                # Title

                ## Quick start

                [here](#quick-start), [there](#quick-stop),
                [a module's tests](sensor-module/README.md#which-test-proves-what),
                [no such section](sensor-module/README.md#which-test-proves-nothing)
                """;

        assertThat(new Documentation(ROOT).brokenLinks(ROOT.resolve("README.md"), readme))
                .containsExactly(
                        "README.md:5: #quick-stop: no heading with this anchor in README.md",
                        "README.md:7: sensor-module/README.md#which-test-proves-nothing: no"
                                + " heading with this anchor in sensor-module/README.md");
    }

    @Test
    void linksInCodeAndAbsoluteLinksAreNotChecked() {
        String page =
                """
                # Title

                `[not a link](nowhere.md)` and [Azure](https://learn.microsoft.com/azure/iot-edge/)

                ```java
                array[index](call.md)
                ```
                """;

        assertThat(new Documentation(ROOT).brokenLinks(ROOT.resolve("docs/x.md"), page)).isEmpty();
    }

    @Test
    void anchorsFollowGitHubsRules() {
        List<String> anchors =
                Documentation.anchors(
                        """
                        # What you'll learn
                        ## A `$body` route, with priority & TTL
                        ## [Linked](somewhere.md) *heading*
                        ```
                        # not a heading
                        ```
                        ## Verify it worked
                        ### Verify it worked
                        """);

        assertThat(anchors)
                .containsExactly(
                        "what-youll-learn",
                        "a-body-route-with-priority--ttl",
                        "linked-heading",
                        "verify-it-worked",
                        "verify-it-worked-1");
    }

    @Test
    void aVerifySectionWithoutACodeBlockIsReported() {
        String page =
                """
                # Page

                ## Verify it worked

                Look at the logs.

                ## Next

                ```bash
                echo not in the section
                ```
                """;

        assertThat(Documentation.verifySectionsWithoutCode("docs/x.md", page))
                .containsExactly(
                        "docs/x.md:3: \"Verify it worked\" has no code block (add a check, or one"
                                + " marked # needs Azure)");
    }

    private static List<Path> documentation() {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"));
                Stream<Path> modules = Files.list(ROOT)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            modules.map(p -> p.resolve("README.md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path file) {
        return ROOT.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Markdown as GitHub reads it, as far as links, headings and code blocks go. */
    static final class Documentation {

        private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
        private static final Pattern HEADING =
                Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
        private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)*?\\1");
        private static final Pattern INLINE_LINK =
                Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*(<[^>]*>|[^)\\s]+)");
        private static final Pattern REFERENCE_DEFINITION =
                Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
        private static final Pattern HTML_ANCHOR =
                Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
        private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
        private static final Pattern VERIFY_HEADING =
                Pattern.compile("verify it worked", Pattern.CASE_INSENSITIVE);

        private final Path root;
        private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

        Documentation(Path root) {
            this.root = root;
        }

        /** "file:line: target: what is wrong" for each relative link that does not resolve. */
        List<String> brokenLinks(Path file, String text) {
            Path source = file.toAbsolutePath().normalize();
            String name = root.relativize(source).toString().replace('\\', '/');
            List<String> problems = new ArrayList<>();
            List<String> lines = text.lines().toList();
            boolean inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                for (String target : targets(line)) {
                    String problem = check(source, text, target);
                    if (problem != null) {
                        problems.add(name + ":" + (i + 1) + ": " + target + ": " + problem);
                    }
                }
            }
            return problems;
        }

        private static List<String> targets(String line) {
            String prose = CODE_SPAN.matcher(line).replaceAll("");
            List<String> targets = new ArrayList<>();
            Matcher inline = INLINE_LINK.matcher(prose);
            while (inline.find()) {
                targets.add(unbracket(inline.group(1)));
            }
            Matcher definition = REFERENCE_DEFINITION.matcher(prose);
            if (definition.find()) {
                targets.add(unbracket(definition.group(1)));
            }
            return targets;
        }

        private static String unbracket(String target) {
            return target.startsWith("<") ? target.substring(1, target.length() - 1) : target;
        }

        private String check(Path source, String sourceText, String target) {
            if (SCHEME.matcher(target).find() || target.startsWith("//")) {
                return null;
            }
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path resolved =
                    path.isEmpty()
                            ? source
                            : (path.startsWith("/")
                                            ? root.resolve(path.substring(1))
                                            : source.resolveSibling(path))
                                    .normalize();
            if (!resolved.startsWith(root)) {
                return "points outside the repository";
            }
            if (!path.isEmpty() && !Files.exists(resolved)) {
                return "no such file";
            }
            if (anchor == null || anchor.isEmpty() || !resolved.toString().endsWith(".md")) {
                return null;
            }
            Set<String> anchors =
                    path.isEmpty()
                            ? new LinkedHashSet<>(anchors(sourceText))
                            : anchorsByFile.computeIfAbsent(
                                    resolved, p -> new LinkedHashSet<>(anchors(read(p))));
            if (anchors.contains(anchor)) {
                return null;
            }
            String name = root.relativize(resolved).toString().replace('\\', '/');
            return "no heading with this anchor in " + name;
        }

        /** The anchors GitHub gives the headings (and HTML anchors) of a Markdown text. */
        static List<String> anchors(String text) {
            List<String> anchors = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean inFence = false;
            for (String line : text.lines().toList()) {
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                Matcher html = HTML_ANCHOR.matcher(line);
                while (html.find()) {
                    anchors.add(html.group(1));
                }
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String slug = slug(heading.group(2));
                    int count = seen.merge(slug, 1, Integer::sum);
                    anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
            }
            return anchors;
        }

        /** GitHub's rule: the heading's text in lower case, punctuation dropped, spaces to -. */
        static String slug(String heading) {
            String text =
                    heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                            .replaceAll("<[^>]+>", "")
                            .replace("`", "")
                            .replace("*", "");
            return text.toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                    .replace(' ', '-');
        }

        /** Each "Verify it worked" heading whose section has no fenced code block. */
        static List<String> verifySectionsWithoutCode(String name, String text) {
            List<String> problems = new ArrayList<>();
            List<String> lines = text.lines().toList();
            boolean inFence = false;
            int openLine = -1;
            int openLevel = 0;
            boolean hasCode = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    hasCode = true;
                    continue;
                }
                Matcher heading = inFence ? null : HEADING.matcher(line);
                if (heading == null || !heading.matches()) {
                    continue;
                }
                int level = heading.group(1).length();
                if (openLine >= 0 && level <= openLevel) {
                    if (!hasCode) {
                        problems.add(missingCode(name, openLine));
                    }
                    openLine = -1;
                }
                if (VERIFY_HEADING.matcher(heading.group(2)).find()) {
                    openLine = i + 1;
                    openLevel = level;
                    hasCode = false;
                }
            }
            if (openLine >= 0 && !hasCode) {
                problems.add(missingCode(name, openLine));
            }
            return problems;
        }

        private static String missingCode(String name, int line) {
            return name
                    + ":"
                    + line
                    + ": \"Verify it worked\" has no code block (add a check, or one marked #"
                    + " needs Azure)";
        }
    }
}
