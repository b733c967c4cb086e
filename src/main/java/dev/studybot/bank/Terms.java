package dev.studybot.bank;

import dev.studybot.domain.WordMatch;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that say what a question is about, for comparing questions written in other words:
 * lower case, stemmed, function words and interview phrasing ("explain the concept of") dropped,
 * and the field's terms folded to one token whether spelled out or abbreviated
 * ("convolutional neural networks", "CNNs" and "convnet" are all {@code cnn}).
 */
final class Terms {
    /** British spellings as American ones: "regularisation", "behaviour", "modelling". */
    private static final Pattern BRITISH_ISE = Pattern.compile("\\b(\\w{3,})is(ation|ations|e|es|ed|ing|er|ers)\\b");
    private static final Pattern BRITISH_OUR = Pattern.compile("\\b(\\w{3,})our(s)?\\b");
    private static final Pattern BRITISH_LL = Pattern.compile("\\b(\\w{3,}[aeiou]l)l(ed|ing|er|ers)\\b");
    /** Longest first: "deep reinforcement learning" before "reinforcement learning". */
    private static final Map<Pattern, String> FOLDS = new LinkedHashMap<>();
    private static final Set<String> STOP = Set.copyOf(List.of(
            "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "by", "at", "as", "from", "into", "its",
            "it", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "what", "whats", "why", "how",
            "when", "where", "which", "who", "whom", "can", "could", "should", "would", "will", "may", "might", "must",
            "you", "your", "we", "our", "they", "their", "them", "this", "that", "these", "those", "some", "any", "there",
            "here", "i", "me", "my", "have", "has", "had", "if", "than", "then", "so", "also", "such", "e", "g", "eg",
            "etc", "vs", "versus", "about", "like", "each", "other", "own", "more", "most", "very", "just", "one",
            "explain", "describe", "discuss", "define", "give", "name", "list", "mention", "elaborate", "outline",
            "concept", "idea", "notion", "term", "briefly", "detail", "example", "examples", "way", "ways", "thing",
            "use", "used", "using", "usage", "work", "role", "purpose", "important", "importance", "common", "commonly",
            "some", "various", "different", "main", "key", "basic", "typical", "typically", "popular", "general",
            "context", "perspective", "respect", "wrt", "r", "t", "help", "helps", "does", "tell", "walk", "through",
            "approach", "task", "tasks", "technique", "techniques", "method", "methods", "case", "setting"));

    /** What is asked about a subject ("advantages", "challenges", "role"): it tells questions apart, weakly. */
    private static final Set<String> ASPECTS = stems("benefit advantage disadvantage challenge application impact importance "
            + "limitation tradeoff trade off difference differ compare contrast improve help issue type variant component "
            + "structure process best strategy way handle address affect effect mean need role purpose work popular common "
            + "recent future potential practical key main consideration overview kind use solve mitigate prevent deal "
            + "approach choose decide relate several evaluate");
    /** Words nearly every question of the field uses. */
    private static final Set<String> DOMAIN = stems("deep learn ml nn model network train data ai neural layer system algorithm");

    static {
        fold("deep reinforcement learning|reinforcement learning|\\brl\\b", "rl");
        fold("convolutional neural networks?|conv ?nets?|\\bcnns?\\b", "cnn");
        fold("recurrent neural networks?|\\brnns?\\b", "rnn");
        fold("long short[- ]term memory( networks?| cells?)?|\\blstms?\\b", "lstm");
        fold("gated recurrent units?|\\bgrus?\\b", "gru");
        fold("generative adversarial networks?|\\bgans?\\b", "gan");
        fold("variational auto[- ]?encoders?|\\bvaes?\\b", "vae");
        fold("auto[- ]encoders?", "autoencoder");
        fold("natural language processing|\\bnlp\\b", "nlp");
        fold("natural language generation|\\bnlg\\b", "nlg");
        fold("batch[- ]normali[sz]ation|batch[- ]?norm\\b|\\bbn\\b", "batchnorm");
        fold("layer[- ]normali[sz]ation|layer[- ]?norm\\b", "layernorm");
        fold("stochastic gradient descent|\\bsgd\\b", "sgd");
        fold("mini[- ]batch(es)?", "minibatch");
        fold("gradient descent", "gradientdescent");
        fold("vanishing (and exploding )?gradients?( problem)?", "vanishinggradient");
        fold("exploding gradients?( problem)?", "explodinggradient");
        fold("learning[- ]rates?", "learningrate");
        fold("transfer[- ]learning", "transferlearning");
        fold("fine[- ]?tun(e|es|ed|ing)", "finetune");
        fold("pre[- ]?trained", "pretrained");
        fold("data augmentation|augmentations?", "augmentation");
        fold("neural architecture search|\\bnas\\b", "nas");
        fold("explainable ai|\\bxai\\b|explainab\\w*|explanations?|explaining|interpretab\\w*|interpret(ing|ation)?", "interpretability");
        fold("multi[- ]?layer perceptrons?|\\bmlps?\\b", "mlp");
        fold("sequence[- ]to[- ]sequence|\\bseq2seq\\b", "seq2seq");
        fold("self[- ]attention", "selfattention");
        fold("cross[- ]attention", "crossattention");
        fold("multi[- ]head(ed)?", "multihead");
        fold("positional (encodings?|embeddings?)", "positionalencoding");
        fold("recommend(ation|er) (systems?|engines?)", "recommender");
        fold("object detection|detect(ing)? objects", "objectdetection");
        fold("semantic segmentation", "semanticsegmentation");
        fold("instance segmentation", "instancesegmentation");
        fold("hyper[- ]?param(eter)?s?", "hyperparameter");
        // failing to generalise is overfitting: questions ask about either in the same breath
        fold("over[- ]?fit(s|ting|ted)?|generali[sz](e|es|ed|ing|ation|ations)", "overfit");
        fold("under[- ]?fit(s|ting|ted)?", "underfit");
        fold("(im|un)balanced?|class imbalance", "imbalance");
        fold("artificial general intelligence|\\bagi\\b", "agi");
        fold("machine learning|\\bml\\b", "ml");
        fold("artificial neural networks?|neural networks?|neural nets?", "nn");
        fold("receiver operating characteristic|\\broc\\b", "roc");
        fold("area under (the )?curve|\\bauc\\b", "auc");
        fold("f1[- ]scores?|\\bf1\\b", "f1");
        fold("mean squared error|\\bmse\\b", "mse");
        fold("computation(al)? graphs?", "compgraph");
        fold("activation functions?|activations?", "activation");
        fold("loss functions?", "loss");
        fold("cross[- ]validation", "crossvalidation");
        fold("confusion matri(x|ces)", "confusionmatrix");
        fold("early[- ]stopping", "earlystopping");
        fold("weight decay", "weightdecay");
        fold("real[- ]time", "realtime");
        fold("time[- ]series", "timeseries");
        fold("style transfer", "styletransfer");
        fold("few[- ]shot", "fewshot");
        fold("zero[- ]shot", "zeroshot");
        fold("meta[- ]learning", "metalearning");
        fold("capsule (networks?|nets?)", "capsule");
        fold("attention mechanisms?", "attention");
        fold("feature maps?", "featuremap");
        fold("policy gradients?", "policygradient");
        fold("actor[- ]critic", "actorcritic");
        fold("deep q[- ]?(learning|networks?)|\\bdqn\\b", "qlearning");
        fold("q[- ]?(learning|functions?|values?)", "qlearning");
        fold("word embeddings?", "wordembedding");
        fold("x[- ]rays?", "xray");
        fold("graphics processing units?|\\bgpus?\\b", "gpu");
        fold("tensor processing units?|\\btpus?\\b", "tpu");
        fold("large language models?|\\bllms?\\b", "llm");
        fold("vision transformers?|\\bvit\\b", "vit");
        fold("supervised", "supervised");
        fold("quantum (computing|computers?|machine learning)", "quantum");
        fold("federated learning", "federated");
        fold("continual learning|lifelong learning", "continual");
        fold("adversarial (attacks?|examples?)", "adversarialattack");
        fold("bias[- ]variance", "biasvariance");
    }

    private Terms() {
    }

    /** How much a term says about what a question is about: 1, less for aspects and the field's own words. */
    static double weight(String term) {
        return DOMAIN.contains(term) ? 0.3 : ASPECTS.contains(term) ? 0.5 : 1.0;
    }

    /** How much a term tells two questions apart: aspects ("challenges" or "best practices") count in full. */
    static double distinctness(String term) {
        return DOMAIN.contains(term) ? 0.3 : 1.0;
    }

    private static Set<String> stems(String words) {
        return Set.copyOf(Arrays.stream(words.split(" ")).map(Terms::stem).toList());
    }

    private static void fold(String regex, String token) {
        FOLDS.put(Pattern.compile("\\b(?:" + regex + ")\\b"), " " + token + " ");
    }

    static List<String> of(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace('’', '\'').replace("'s ", " ").replace("n't", " not");
        t = BRITISH_ISE.matcher(t).replaceAll("$1iz$2");
        t = BRITISH_OUR.matcher(t).replaceAll("$1or");
        t = BRITISH_LL.matcher(t).replaceAll("$1l$2");
        for (Map.Entry<Pattern, String> f : FOLDS.entrySet()) {
            t = f.getKey().matcher(t).replaceAll(f.getValue());
        }
        List<String> out = new ArrayList<>();
        for (String w : t.split("[^a-z0-9]+")) {
            if (w.isEmpty() || STOP.contains(w)) {
                continue;
            }
            String s = stem(w);
            if (!STOP.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** A light stemmer: plurals, -ing, -ed, -ly, -ation; enough to meet the same word in another form. */
    static String stem(String w) {
        if (w.length() <= 3 || !Character.isLetter(w.charAt(w.length() - 1))) {
            return w;
        }
        String s = WordMatch.singular(w);
        for (String suffix : new String[] {"ational", "ation", "ition", "ness", "ment", "ing", "ed", "ly", "al", "er", "ive", "ity"}) {
            if (s.endsWith(suffix) && s.length() - suffix.length() >= 4) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        if (s.endsWith("e") && s.length() > 4) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > 4 && s.charAt(s.length() - 1) == s.charAt(s.length() - 2) && "lsz".indexOf(s.charAt(s.length() - 1)) < 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
