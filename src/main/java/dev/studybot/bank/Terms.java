package dev.studybot.bank;

import dev.studybot.port.out.TextAnalysis;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that say what a question is about, for comparing questions written in other words:
 * the field's terms folded to one token whether spelled out or abbreviated ("convolutional neural
 * networks", "CNNs" and "convnet" are all {@code cnn}), then the shared {@link TextAnalysis}'s
 * terms (case, British spellings, plurals and inflections folded, as the grader folds them), with
 * function words and interview phrasing ("explain the concept of") dropped.
 */
final class Terms {
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
            "approach", "approaches", "task", "tasks", "technique", "techniques", "method", "methods", "case", "setting"));

    /** What is asked about a subject ("advantages", "challenges", "role"): it tells questions apart, weakly. */
    private static final String ASPECT_WORDS = "benefit benefits advantage advantages disadvantage disadvantages challenge "
            + "challenges application applications apply applying impact impacts importance important limitation limitations "
            + "limit limits tradeoff tradeoffs trade off offs difference differences differ differs different compare compared "
            + "comparing comparison contrast improve improves improving improvement help helps helping issue issues type types "
            + "variant variants component components structure structures process processes best strategy strategies way ways "
            + "handle handling address addressing affect affects effect effects mean means need needs role roles purpose work "
            + "works working popular common recent future potential practical key main consideration considerations overview "
            + "kind kinds use uses solve solving mitigate mitigating mitigation prevent preventing prevention deal dealing "
            + "approach approaches choose choosing decide deciding relate related relation relationship several evaluate "
            + "evaluating evaluation practice practices practically effective effectively typical typically popularity "
            + "commonly recently potentially mainly choice choices decision decisions solution solutions usage useful "
            + "beneficial build builds building develop develops developing";
    /** Words nearly every question of the field uses. */
    private static final String DOMAIN_WORDS = "deep learn learns learning learned ml nn model models modeling network networks "
            + "train trains training trained data ai neural layer layers system systems algorithm algorithms";

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
        // forms the shared analysis keeps apart from their word: "biases" from "bias", "advancements" from "advances"
        fold("bias(es)?", "bias");
        fold("advance(s|d|ment|ments)?", "advance");
    }

    /** Texts whose terms are remembered: a long-lived instance reads the same questions again and again. */
    private static final int REMEMBERED = 20_000;

    private final TextAnalysis analysis;
    private final Map<String, List<String>> remembered = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Set<String> aspects;
    private final Set<String> domain;

    Terms(TextAnalysis analysis) {
        this.analysis = analysis;
        this.aspects = terms(ASPECT_WORDS);
        this.domain = terms(DOMAIN_WORDS);
    }

    /** How much a term says about what a question is about: 1, less for aspects and the field's own words. */
    double weight(String term) {
        return domain.contains(term) ? 0.2 : aspects.contains(term) ? 0.5 : 1.0;
    }

    /** How much a term tells two questions apart: aspects ("challenges" or "best practices") count in full. */
    double distinctness(String term) {
        return domain.contains(term) ? 0.3 : 1.0;
    }

    private Set<String> terms(String words) {
        return Set.copyOf(analysis.words(words).stream().map(TextAnalysis.Word::term).toList());
    }

    private static void fold(String regex, String token) {
        FOLDS.put(Pattern.compile("\\b(?:" + regex + ")\\b"), " " + token + " ");
    }

    /** The terms of a text, remembered for the latest {@value #REMEMBERED} texts (the folds are what a read costs). */
    List<String> of(String text) {
        synchronized (remembered) {
            List<String> known = remembered.get(text);
            if (known != null) {
                return known;
            }
        }
        List<String> fresh = List.copyOf(read(text));
        synchronized (remembered) {
            remembered.put(text, fresh);
        }
        return fresh;
    }

    private List<String> read(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace('’', '\'').replace("'s ", " ").replace("n't", " not");
        for (Map.Entry<Pattern, String> f : FOLDS.entrySet()) {
            t = f.getKey().matcher(t).replaceAll(f.getValue());
        }
        List<String> out = new ArrayList<>();
        for (TextAnalysis.Word w : analysis.words(t)) {
            String raw = w.raw().toLowerCase(Locale.ROOT);
            if (!STOP.contains(raw) && !STOP.contains(w.term()) && !w.term().isEmpty()) {
                out.add(w.term());
            }
        }
        return out;
    }
}
