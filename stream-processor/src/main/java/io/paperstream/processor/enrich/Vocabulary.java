package io.paperstream.processor.enrich;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The word lists keyword extraction needs, each small, fixed and documented here.
 *
 * <p>Thread-safe: every collection is immutable.
 */
final class Vocabulary {

  private Vocabulary() {}

  /**
   * Lucene's English stop words: articles, conjunctions and the commonest prepositions. A
   * canonical phrase never starts or ends with one of these.
   */
  static final CharArraySet EDGE_STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  /**
   * Words that split candidate phrases, as in RAKE: Lucene's English stop words plus the
   * function words, reporting verbs ("propose", "show", "achieve"), hedges and evaluative
   * adjectives ("novel", "effective", "extensive") that abstracts are full of and that never
   * make a keyphrase better. Lower case, as the analyzer emits tokens.
   */
  static final CharArraySet PHRASE_BREAKERS = phraseBreakers();

  /**
   * Nouns too generic to be a keyword on their own ("paper", "method", "result", "model"),
   * compared in singular form. They are fine inside a phrase ("diffusion model"); a candidate made
   * only of them ("proposed method", "model performance") is dropped.
   */
  static final Set<String> GENERIC = Set.of(
      "paper", "work", "method", "methodology", "approach", "result", "propose", "show", "model",
      "framework", "system", "technique", "task", "problem", "performance", "experiment", "data",
      "dataset", "study", "analysis", "evaluation", "baseline", "benchmark", "state", "art", "accuracy",
      "improvement", "effectiveness", "efficiency", "quality", "code", "way", "number", "set", "type",
      "level", "range", "variety", "kind", "case", "example", "fact", "field", "area", "domain",
      "setting", "application", "scenario", "issue", "challenge", "aspect", "term", "order", "process",
      "step", "stage", "part", "thing", "time", "use", "real", "world", "scale", "project", "page",
      "website", "url", "link", "input", "output", "module", "component", "strategy", "mechanism",
      "solution", "idea", "insight", "finding", "contribution", "limitation", "demo", "version",
      "information", "learning", "training", "research", "researcher", "community", "practice",
      "practitioner", "question", "answer", "goal", "objective", "property", "feature", "factor",
      "effect", "impact", "gain", "cost", "advantage", "capability", "ability", "potential", "need",
      "lack", "point", "end", "top", "line", "value", "score", "metric", "measure", "rate", "size",
      "amount", "degree", "extent", "manner", "form", "sample", "instance", "item", "element",
      "unit", "pipeline", "architecture", "network", "algorithm", "tool", "resource", "source",
      "sota", "github", "http", "https", "www", "com", "org", "arxiv", "available");

  /**
   * Stop words that stay with the word they are hyphenated to when they begin or end a phrase,
   * because the compound means something else without them: "in-context learning",
   * "out-of-distribution detection", "on-policy", "follow-up", "one-step diffusion".
   */
  static final Set<String> GLUED_WHEN_HYPHENATED = Set.of(
      "in", "on", "at", "to", "by", "for", "into", "with", "no", "not", "out", "off", "up", "down",
      "over", "under", "from", "of", "the", "a", "an", "one", "two", "three", "four", "five", "six",
      "seven", "eight", "nine", "ten", "single", "double", "first", "second", "third");

  /**
   * Prefixed words written either joined, hyphenated or spaced ("pre-training", "pretraining",
   * "pre training"): one spelling each. The canonical form keeps the prefix a word of its own,
   * as most authors (and Hugging Face's keyphrases, about 200 to 7 for "fine-tuning") write it;
   * a joined spelling is split where the bar is when it begins with one of these.
   */
  static final List<String> SPLIT_PREFIXES = List.of("pre|train", "fine|tun");

  /** Prefixes whose joined spelling is the usual one: "multi modal" and "multi-modal" → "multimodal". */
  static final Map<String, String> JOINED_SPELLINGS = Map.of("multi modal", "multimodal");

  /**
   * Nouns that end in -ing and may begin or end a keyphrase ("learning rate", "instruction
   * tuning"). Any other -ing word at either end of a candidate is taken for a verb ("generating
   * ...", "... depending") and cut off.
   */
  static final Set<String> ING_NOUNS = Set.of(
      "learning", "training", "pretraining", "finetuning", "reasoning", "modeling", "modelling",
      "scaling", "sampling", "embedding", "computing", "parsing", "tuning", "editing", "rendering",
      "planning", "understanding", "grounding", "captioning", "prompting", "clustering", "encoding",
      "decoding", "tracking", "matching", "pruning", "hashing", "boosting", "labeling", "labelling",
      "inpainting", "denoising", "streaming", "gating", "pooling", "masking", "ranking", "reranking",
      "forecasting", "filtering", "smoothing", "watermarking", "unlearning", "jailbreaking", "splatting",
      "programming", "engineering", "serving", "routing", "benchmarking", "reading", "writing",
      "answering", "caching", "blending", "warping", "shading", "lighting", "relighting", "painting",
      "sketching", "tagging", "building", "driving", "gaming", "thinking", "coding", "mining",
      "processing", "tokenizing", "distilling", "morphing", "dubbing", "spelling", "meshing",
      "retraining", "recommending", "mapping", "matting", "imaging", "sensing",
      "hearing", "listening", "speaking", "printing", "manufacturing", "networking", "indexing", "searching", "ensembling", "bagging", "stacking", "mixing", "merging");

  /**
   * Words after which a participle is the verb of a clause, not a modifier of a noun: "and
   * carried concomitant improvement", "which trained ...", "we fine-tuned ...".
   */
  static final Set<String> CLAUSE_OPENERS = Set.of(
      "and", "or", "but", "nor", "which", "that", "who", "whom", "we", "they", "it", "he", "she", "also",
      "then", "thus", "hence", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
      "not", "never", "i", "you", "this", "these", "those");

  /** Verbs whose object is what a paper brings ("we propose X", "we introduce a benchmark"). */
  static final Set<String> INTRODUCING_VERBS = Set.of(
      "propose", "proposes", "introduce", "introduces", "present", "presents", "develop", "develops",
      "design", "designs", "release", "releases", "build", "builds", "construct", "constructs", "called",
      "named", "termed", "dubbed", "curate", "curates", "create", "creates");

  /** Words ending in -ly that are not adverbs; every other -ly word breaks a phrase. */
  static final Set<String> LY_NOUNS = Set.of(
      "anomaly", "family", "assembly", "supply", "monopoly", "butterfly", "reply", "italy", "rally",
      "ally", "jelly", "fly", "poly", "holy", "early", "daily", "weekly", "monthly", "yearly",
      "hourly", "friendly", "lonely", "elderly", "costly", "timely");

  /**
   * Hyphenated fillers that qualify anything and name nothing: treated like stop words, so that
   * "state-of-the-art LLMs" yields "large language model".
   */
  static final Set<String> FILLER_COMPOUNDS = Set.of(
      "state-of-the-art", "off-the-shelf", "out-of-the-box", "plug-and-play", "easy-to-use",
      "real-world", "large-scale", "end-to-end", "high-quality", "well-known", "so-called",
      "up-to-date", "open-source", "open-sourced", "fine-grained", "wide-ranging", "long-standing",
      "first-of-its-kind", "one-of-a-kind", "cutting-edge", "in-depth", "non-trivial", "task-specific",
      "general-purpose", "pre-trained", "well-established", "human-like", "low-cost", "training-free");

  /**
   * Fallback expansions of very common ML acronyms, used only when a text does not define the
   * acronym itself ("Deep Neural Networks (DNNs)" always wins). Kept short on purpose: every
   * entry must be unambiguous in ML text, and each value is its own canonical form. This is
   * also what lets a query for "LLMs" find "large language model".
   */
  static final Map<String, String> ACRONYMS = Map.ofEntries(
      Map.entry("llm", "large language model"),
      Map.entry("slm", "small language model"),
      Map.entry("vlm", "vision language model"),
      Map.entry("mllm", "multimodal large language model"),
      Map.entry("lmm", "large multimodal model"),
      Map.entry("rl", "reinforcement learning"),
      Map.entry("rlhf", "reinforcement learning from human feedback"),
      Map.entry("gan", "generative adversarial network"),
      Map.entry("vae", "variational autoencoder"),
      Map.entry("dnn", "deep neural network"),
      Map.entry("cnn", "convolutional neural network"),
      Map.entry("rnn", "recurrent neural network"),
      Map.entry("gnn", "graph neural network"),
      Map.entry("lstm", "long short term memory"),
      Map.entry("mlp", "multilayer perceptron"),
      Map.entry("nlp", "natural language processing"),
      Map.entry("vit", "vision transformer"),
      Map.entry("moe", "mixture of experts"),
      Map.entry("rag", "retrieval augmented generation"),
      Map.entry("cot", "chain of thought"),
      Map.entry("sft", "supervised finetuning"),
      Map.entry("dpo", "direct preference optimization"),
      Map.entry("ppo", "proximal policy optimization"),
      Map.entry("nerf", "neural radiance field"),
      Map.entry("asr", "automatic speech recognition"),
      Map.entry("tts", "text to speech"),
      Map.entry("ocr", "optical character recognition"),
      Map.entry("vqa", "visual question answering"),
      Map.entry("ner", "named entity recognition"));

  private static CharArraySet phraseBreakers() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    set.addAll(List.of(
        // function words
        "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already",
        "also", "although", "always", "am", "among", "amongst", "another", "any", "anyone", "anything",
        "around", "because", "been", "before", "being", "below", "beside", "besides", "between", "beyond",
        "both", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "due", "during",
        "each", "either", "else", "enough", "etc", "even", "ever", "every", "few", "fewer", "from",
        "further", "furthermore", "had", "has", "have", "having", "he", "hence", "her", "here", "hers",
        "herein", "him", "his", "how", "however", "i", "its", "itself", "just", "less", "lot", "lots",
        "many", "may", "me", "might", "more", "moreover", "most", "mostly", "much", "must", "my",
        "namely", "neither", "nor", "now", "often", "once", "one", "only", "onto", "other", "others",
        "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "rather", "same", "she",
        "should", "since", "so", "some", "still", "than", "thanks", "thereby", "therefore", "thus",
        "those", "though", "through", "throughout", "together", "too", "toward", "towards", "under",
        "unlike", "until", "up", "upon", "us", "very", "via", "we", "well", "were", "what", "whatever",
        "when", "whenever", "where", "whereas", "whether", "which", "while", "who", "whom", "whose",
        "why", "within", "without", "would", "yet", "you", "your", "e.g", "i.e", "eg", "ie", "vs", "et",
        "al", "cf", "versus", "like", "whereby", "wherein", "instead", "yes",
        // numerals and ordinals in words
        "first", "second", "third", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "hundreds", "thousands", "millions", "billions", "dozens", "single", "double",
        // reporting and generic verbs, all forms that occur in abstracts
        "propose", "proposes", "proposed", "proposing", "present", "presents", "presented", "presenting",
        "introduce", "introduces", "introduced", "introducing", "show", "shows", "showed", "shown",
        "showing", "demonstrate", "demonstrates", "demonstrated", "demonstrating", "achieve", "achieves",
        "achieved", "achieving", "use", "uses", "used", "using", "utilize", "utilizes", "utilized",
        "utilizing", "leverage", "leverages", "leveraged", "leveraging", "enable", "enables", "enabled",
        "enabling", "allow", "allows", "allowed", "allowing", "provide", "provides", "provided",
        "providing", "improve", "improves", "improved", "improving", "outperform", "outperforms",
        "outperformed", "outperforming", "require", "requires", "required", "requiring", "make", "makes",
        "made", "making", "based", "develop", "develops", "developed", "developing", "designed",
        "evaluate", "evaluates", "evaluated", "evaluating", "conduct", "conducts", "conducted",
        "perform", "performs", "performed", "performing", "obtain", "obtains", "obtained", "observe",
        "observes", "observed", "find", "finds", "found", "investigate", "investigates", "investigated",
        "explore", "explores", "explored", "exploring", "consider", "considers", "considered", "aim",
        "aims", "aimed", "focus", "focuses", "focused", "remain", "remains", "become", "becomes", "yield",
        "yields", "yielding", "reach", "reaches", "reveal", "reveals", "revealed", "suggest", "suggests",
        "highlight", "highlights", "address", "addresses", "addressed", "addressing", "tackle",
        "tackles", "employ", "employs", "employed", "employing", "adopt", "adopts", "adopted", "apply",
        "applies", "applied", "applying", "called", "termed", "named", "dubbed", "known", "given",
        "compared", "compare", "including", "include", "includes", "contain", "contains", "containing",
        "consist", "consists", "consisting", "involve", "involves", "need", "needs", "needed", "help",
        "helps", "lead", "leads", "led", "resulting", "ensure", "ensures", "offer", "offers", "capture",
        "captures", "learns", "take", "takes", "taken", "get", "gets", "got", "see", "seen", "let",
        "lets", "release", "released", "releases", "available", "publicly", "exhibit", "exhibits",
        "achieve", "attain", "attains", "surpass", "surpasses", "surpassing", "establish", "establishes",
        "serve", "serves", "remain", "facilitate", "facilitates", "boost", "boosts", "maintain",
        "maintains", "maintaining", "reduce", "reduces", "reducing", "increase", "increases",
        "increasing", "enhance", "enhances", "enhancing", "enhanced", "benefit", "benefits", "support",
        "supports", "incorporate", "incorporates", "incorporating", "combine", "combines", "combining",
        "extend", "extends", "extending", "struggle", "struggles", "fail", "fails", "fall", "falls",
        "tend", "tends", "seek", "seeks", "attempt", "attempts", "try", "tries", "want", "wants",
        "work", "works", "worked", "working", "rely", "relies", "relying", "depend", "depends",
        "mitigate", "mitigates", "alleviate", "alleviates", "overcome", "overcomes", "bridge", "bridges",
        "is", "are", "was", "were", "be", "been", "will", "shall",
        // hedges, intensifiers and evaluative adjectives
        "significantly", "substantially", "considerably", "effectively", "efficiently", "notably",
        "particularly", "specifically", "simply", "directly", "typically", "usually", "generally",
        "largely", "highly", "widely", "recently", "currently", "previously", "finally", "additionally",
        "consequently", "crucially", "importantly", "extensively", "remarkably", "comprehensively",
        "respectively", "especially", "primarily", "mainly", "fully", "greatly", "easily", "readily",
        "successfully", "accurately", "consistently", "naturally", "automatically", "explicitly",
        "implicitly", "inherently", "increasingly", "novel", "new", "existing", "various", "different",
        "multiple", "numerous", "several", "key", "main", "overall", "strong", "stronger", "strongest",
        "simple", "simpler", "effective", "efficient", "superior", "competitive", "better", "best",
        "significant", "substantial", "promising", "challenging", "important", "crucial", "critical",
        "remarkable", "impressive", "comprehensive", "extensive", "wide", "broad", "specific",
        "powerful", "rich", "limited", "current", "recent", "previous", "prior", "traditional",
        "conventional", "standard", "typical", "common", "popular", "prevalent", "widespread",
        "experimental", "empirical", "extensive", "thorough", "additional", "further", "whole", "entire",
        "certain", "particular", "possible", "able", "unable", "capable", "difficult", "hard", "easy",
        "good", "great", "high-performing", "state-of-the-art", "faster", "lower", "higher", "larger",
        "smaller", "longer", "shorter", "less", "least", "similar", "related", "respective", "corresponding",
        "notable", "moderate", "minimal", "maximal", "optimal", "superior", "inferior", "vast",
        "diverse", "unified", "versatile", "robustly", "well-designed", "straightforward",
        "orders", "magnitude", "times", "fold", "behind", "beyond", "off", "near", "far", "alongside",
        "closer", "amid", "ones", "seem", "seems", "keep", "keeps", "play", "plays", "emerge", "emerges",
        "empower", "empowers", "unify", "unifies", "stand", "stands", "guide", "guides", "determine",
        "determines", "learn", "solve", "solves", "generate", "generates", "produce", "produces",
        "identify", "identifies", "exceed", "exceeds", "manipulate", "optimize", "minimize", "maximize",
        "follow", "follows", "train", "trains", "trained", "install", "fix", "fixes", "aims", "lies"));
    return CharArraySet.unmodifiableSet(set);
  }
}
