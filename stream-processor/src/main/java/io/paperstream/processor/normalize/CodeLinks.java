package io.paperstream.processor.normalize;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows what a paper's code link is and how to spell it.
 *
 * <p>A GitHub repository is written {@code https://github.com/owner/repo}: https, host
 * lower-cased without {@code www.}, only owner and repository (no {@code /tree/main}, no
 * trailing slash, no {@code .git}, no sentence punctuation). Owner and repository keep their
 * printed case, since that is how the project spells itself; duplicates are found ignoring case,
 * as GitHub does. GitHub Pages sites ({@code owner.github.io}) and gists are project pages, not
 * repositories, and are not code links. Stateless and thread-safe.
 */
public final class CodeLinks {

  private static final String GITHUB = "https://github.com/";
  private static final String OWNER = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})";
  // possessive: nothing after a name can be part of it, so giving characters back never helps
  private static final String REPO = "[A-Za-z0-9._-]++";

  /** A repository link inside prose; {@code gist.github.com} and {@code x.github.io} do not match. */
  private static final Pattern IN_TEXT = Pattern.compile(
      "(?i)(?<![\\w.@/-])(?:https?://)?(?:www\\.)?github\\.com/(" + OWNER + ")/(" + REPO + ")");
  /** A repository field: a URL in any of the usual forms, an SSH remote, or bare {@code owner/repo}. */
  private static final Pattern FIELD = Pattern.compile(
      "(?i)(?:(?:git\\+)?(?:https?|git|ssh)://(?:git@)?(?:www\\.)?github\\.com[/:]|git@github\\.com:|"
          + "(?:www\\.)?github\\.com/)?(" + OWNER + ")/(" + REPO + ")(?:[/?#].*)?");

  /** First path segments that are GitHub's own pages, not owners. */
  private static final Set<String> NOT_OWNERS = Set.of("about", "apps", "collections", "contact",
      "customer-stories", "enterprise", "events", "explore", "features", "login", "marketplace",
      "notifications", "orgs", "organizations", "pricing", "pulls", "issues", "readme", "search",
      "security", "settings", "site", "sponsors", "team", "topics", "trending", "users", "join");

  /**
   * The code links of an entry, distinct and in order: the repository field first, then every
   * GitHub repository the text links to. A repository field that is an http(s) URL of another
   * forge is kept (lightly normalized); one that is not a URL at all is ignored, since a bad
   * link should not cost the paper.
   */
  public List<String> codeUrls(String repositoryField, String text) {
    Map<String, String> distinct = new LinkedHashMap<>();
    repositoryUrl(repositoryField).ifPresent(url -> distinct.putIfAbsent(url.toLowerCase(Locale.ROOT), url));
    for (String url : gitHubRepositoriesIn(text)) {
      distinct.putIfAbsent(url.toLowerCase(Locale.ROOT), url);
    }
    // every link built here is https already; the check keeps it so whatever changes above
    return distinct.values().stream().filter(url -> HttpLinks.http(url).isPresent())
        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
  }

  /** The GitHub repositories {@code text} links to, normalized, in order of appearance (may repeat). */
  public List<String> gitHubRepositoriesIn(String text) {
    List<String> found = new ArrayList<>();
    // the pattern's look-behind runs at every position; most texts name no repository at all
    if (text == null || !UrlScan.containsIgnoreCase(text, "github.com/")) {
      return found;
    }
    Matcher m = IN_TEXT.matcher(text);
    while (m.find()) {
      gitHubUrl(m.group(1), m.group(2)).ifPresent(found::add);
    }
    return found;
  }

  /** {@code link} as {@code https://github.com/owner/repo} when it names a GitHub repository. */
  public Optional<String> gitHubRepository(String link) {
    if (link == null) {
      return Optional.empty();
    }
    Matcher m = FIELD.matcher(link.strip());
    return m.matches() ? gitHubUrl(m.group(1), m.group(2)) : Optional.empty();
  }

  /** A repository field as a code URL: GitHub normalized, another forge's http(s) URL tidied. */
  Optional<String> repositoryUrl(String field) {
    if (field == null || field.isBlank()) {
      return Optional.empty();
    }
    Optional<String> gitHub = gitHubRepository(field);
    if (gitHub.isPresent()) {
      return gitHub;
    }
    Optional<String> http = HttpLinks.http(field);
    if (http.isEmpty()) {
      return Optional.empty();
    }
    URI uri = URI.create(http.get());
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("github.com") || host.equals("www.github.com")) {
      return Optional.empty(); // github.com without a repository path
    }
    String path = stripRepositorySuffixes(uri.getRawPath() == null ? "" : uri.getRawPath());
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return Optional.of(uri.getScheme() + "://" + host + port + path);
  }

  private static Optional<String> gitHubUrl(String owner, String repo) {
    String name = stripRepositorySuffixes(repo);
    if (NOT_OWNERS.contains(owner.toLowerCase(Locale.ROOT)) || name.isEmpty() || name.equals(".")
        || name.equals("..")) {
      return Optional.empty();
    }
    return Optional.of(GITHUB + owner + "/" + name);
  }

  /** Trailing slashes, a {@code .git} suffix and sentence punctuation are not part of the name. */
  private static String stripRepositorySuffixes(String name) {
    // by index, not by substring in a loop: a name of a million dots costs one pass
    int end = name.length();
    boolean changed = true;
    while (changed) {
      int before = end;
      while (end > 0 && (name.charAt(end - 1) == '/' || name.charAt(end - 1) == '.')) {
        end--;
      }
      if (end >= 4 && name.regionMatches(true, end - 4, ".git", 0, 4)) {
        end -= 4;
      }
      changed = end != before;
    }
    return name.substring(0, end);
  }
}
