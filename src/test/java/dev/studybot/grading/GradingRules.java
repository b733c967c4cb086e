package dev.studybot.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a grade must respect, per question, across the kinds of labelled answer. */
final class GradingRules {
    private GradingRules() {
    }

    /** The rules {@code share} (each kind's weighted share of the rubric) breaks, in words. */
    static List<String> broken(Map<LabelledAnswers.Kind, Double> share) {
        double model = share.get(LabelledAnswers.Kind.MODEL);
        double strong = share.get(LabelledAnswers.Kind.STRONG);
        double terse = share.get(LabelledAnswers.Kind.TERSE);
        double stuffed = share.get(LabelledAnswers.Kind.STUFFED);
        double offTopic = share.get(LabelledAnswers.Kind.OFF_TOPIC);
        double pasteBack = share.get(LabelledAnswers.Kind.PASTE_BACK);
        List<String> broken = new ArrayList<>();
        if (!(strong > stuffed)) {
            broken.add("strong " + strong + " is not above stuffed " + stuffed);
        }
        if (stuffed > strong / 3 + 1e-9) {
            broken.add("stuffed " + stuffed + " is above a third of strong " + strong);
        }
        if (offTopic > strong / 3 + 1e-9) {
            broken.add("off-topic " + offTopic + " is above a third of strong " + strong);
        }
        if (pasteBack > strong + 1e-9) {
            broken.add("paste-back " + pasteBack + " beats strong " + strong);
        }
        for (Map.Entry<LabelledAnswers.Kind, Double> e : share.entrySet()) {
            if (e.getValue() > model + 1e-9) {
                broken.add(e.getKey() + " " + e.getValue() + " is above the model answer " + model);
            }
        }
        if (terse < strong / 2 - 1e-9) {
            broken.add("terse " + terse + " is below half of strong " + strong);
        }
        return broken;
    }
}
