package io.paperstream.processor.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * A binary classifier made of gradient-boosted regression trees (trained by
 * {@link BoostedTreesTrainer}): the log-odds of a feature vector are a base value plus one leaf
 * value per tree, each leaf reached by comparisons {@code x[feature] <= split}.
 *
 * <p>Nodes of all trees live in flat arrays, so scoring a vector is a few hundred array reads
 * and no allocation. Its text form ({@link #write}, {@link #read}) is one tree per string, nodes
 * in pre-order: {@code f<feature>:<split>} for a split, {@code =<value>} for a leaf. Immutable and
 * thread-safe.
 */
public final class BoostedTrees {

  private final double base;
  private final int[] roots;
  /** Per node: the feature compared, or -1 for a leaf. */
  private final int[] feature;
  /** Per node: the split value (x <= split goes left), or the leaf's value. */
  private final double[] value;
  /** Per split node: its right child; the left child is the next node. */
  private final int[] right;

  private BoostedTrees(double base, int[] roots, int[] feature, double[] value, int[] right) {
    this.base = base;
    this.roots = roots;
    this.feature = feature;
    this.value = value;
    this.right = right;
  }

  /** The log-odds that {@code x} is positive. */
  public double logit(double[] x) {
    double z = base;
    for (int root : roots) {
      int n = root;
      while (feature[n] >= 0) {
        n = x[feature[n]] <= value[n] ? n + 1 : right[n];
      }
      z += value[n];
    }
    return z;
  }

  /** The probability that {@code x} is positive. */
  public double probability(double[] x) {
    return 1 / (1 + Math.exp(-logit(x)));
  }

  public int trees() {
    return roots.length;
  }

  /** The base log-odds, then one string per tree. */
  public List<String> write() {
    List<String> lines = new ArrayList<>(roots.length + 1);
    lines.add(number(base));
    for (int t = 0; t < roots.length; t++) {
      int end = t + 1 < roots.length ? roots[t + 1] : feature.length;
      StringBuilder tree = new StringBuilder();
      for (int n = roots[t]; n < end; n++) {
        tree.append(n > roots[t] ? " " : "");
        tree.append(feature[n] >= 0 ? "f" + feature[n] + ":" + number(value[n]) : "=" + number(value[n]));
      }
      lines.add(tree.toString());
    }
    return lines;
  }

  /** Reads what {@link #write} wrote; features must be below {@code features}. */
  public static BoostedTrees read(List<String> lines, int features) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("boosted trees need a base value");
    }
    Builder builder = new Builder(Double.parseDouble(lines.get(0)));
    for (String tree : lines.subList(1, lines.size())) {
      builder.startTree();
      String[] nodes = tree.strip().split(" ");
      int[] at = {0};
      builder.readNode(nodes, at, features);
      if (at[0] != nodes.length) {
        throw new IllegalArgumentException("tree has nodes after its last leaf: " + tree);
      }
    }
    return builder.build();
  }

  /** The shortest decimal that reads back to exactly {@code v}: a model read back scores the same. */
  private static String number(double v) {
    return Double.toString(v);
  }

  /** Appends trees node by node, in pre-order. */
  static final class Builder {
    private final double base;
    private final List<Integer> roots = new ArrayList<>();
    private final List<Integer> feature = new ArrayList<>();
    private final List<Double> value = new ArrayList<>();
    private final List<Integer> right = new ArrayList<>();

    Builder(double base) {
      this.base = base;
    }

    void startTree() {
      roots.add(feature.size());
    }

    /** Adds a split node; returns its index, for {@link #setRight}. */
    int split(int featureIndex, double split) {
      feature.add(featureIndex);
      value.add(split);
      right.add(-1);
      return feature.size() - 1;
    }

    void leaf(double leafValue) {
      feature.add(-1);
      value.add(leafValue);
      right.add(-1);
    }

    /** The next node added becomes the right child of split node {@code node}. */
    void setRight(int node) {
      right.set(node, feature.size());
    }

    private void readNode(String[] nodes, int[] at, int features) {
      if (at[0] >= nodes.length) {
        throw new IllegalArgumentException("tree ends inside a split");
      }
      String node = nodes[at[0]++];
      if (node.startsWith("=")) {
        leaf(Double.parseDouble(node.substring(1)));
        return;
      }
      int colon = node.indexOf(':');
      if (!node.startsWith("f") || colon < 0) {
        throw new IllegalArgumentException("not a tree node: " + node);
      }
      int f = Integer.parseInt(node.substring(1, colon));
      if (f < 0 || f >= features) {
        throw new IllegalArgumentException("tree node uses feature " + f + ", there are " + features);
      }
      int split = split(f, Double.parseDouble(node.substring(colon + 1)));
      readNode(nodes, at, features);
      setRight(split);
      readNode(nodes, at, features);
    }

    BoostedTrees build() {
      return new BoostedTrees(base, roots.stream().mapToInt(Integer::intValue).toArray(),
          feature.stream().mapToInt(Integer::intValue).toArray(),
          value.stream().mapToDouble(Double::doubleValue).toArray(),
          right.stream().mapToInt(Integer::intValue).toArray());
    }
  }
}
