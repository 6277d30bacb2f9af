package io.judgeforge.stage.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a rendered Themis judge prompt that augmentation rewrites: the numbered criteria
 * between [Criteria Begin] and [Criteria End], and the "Score k: ..." lines between
 * [Grading Tiers Begin] and [Grading Tiers End]. Everything else is kept byte for byte.
 */
public final class JudgePromptParts {
  static final String CRITERIA_BEGIN = "[Criteria Begin]\n";
  static final String CRITERIA_END = "\n[Criteria End]";
  static final String TIERS_BEGIN = "[Grading Tiers Begin]\n";
  static final String TIERS_END = "\n[Grading Tiers End]";
  private static final Pattern CRITERION = Pattern.compile("^\\d+\\.\\s+([^:]+):\\s*(.*)$");
  private static final Pattern TIER = Pattern.compile("^Score (\\d+): (.*)$");

  /** One criterion line of the prompt. */
  public record Criterion(String name, String description) {}

  private JudgePromptParts() {}

  public static List<Criterion> criteria(String prompt) {
    List<Criterion> out = new ArrayList<>();
    for (String line : block(prompt, CRITERIA_BEGIN, CRITERIA_END).split("\n")) {
      Matcher m = CRITERION.matcher(line.strip());
      if (m.matches()) {
        out.add(new Criterion(m.group(1).strip(), m.group(2).strip()));
      }
    }
    return out;
  }

  public static String withCriteria(String prompt, List<Criterion> criteria) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < criteria.size(); i++) {
      sb.append(i + 1).append(". ").append(criteria.get(i).name()).append(": ").append(criteria.get(i).description());
      if (i + 1 < criteria.size()) {
        sb.append('\n');
      }
    }
    return replace(prompt, CRITERIA_BEGIN, CRITERIA_END, sb.toString());
  }

  /** The tier texts by score, 1 to 5. */
  public static List<String> tiers(String prompt) {
    List<String> out = new ArrayList<>();
    for (String line : block(prompt, TIERS_BEGIN, TIERS_END).split("\n")) {
      Matcher m = TIER.matcher(line.strip());
      if (m.matches()) {
        out.add(m.group(2));
      }
    }
    return out;
  }

  public static String withTiers(String prompt, List<String> lines) {
    return replace(prompt, TIERS_BEGIN, TIERS_END, String.join("\n", lines));
  }

  static String block(String prompt, String begin, String end) {
    int from = prompt.indexOf(begin);
    int to = prompt.indexOf(end, from < 0 ? 0 : from);
    if (from < 0 || to < 0) {
      throw new IllegalArgumentException("The prompt has no " + begin.strip() + " ... " + end.strip() + " block");
    }
    return prompt.substring(from + begin.length(), to);
  }

  private static String replace(String prompt, String begin, String end, String body) {
    int from = prompt.indexOf(begin) + begin.length();
    int to = prompt.indexOf(end, from);
    return prompt.substring(0, from) + body + prompt.substring(to);
  }
}
