package org.foodrisk.communication;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 消费提示 is drafted once, edited while 草稿, and approved only by the food-safety office and only by someone who
 * did not write its text last; after approval (or withdrawal) nothing changes.
 */
class CommunicationLifecycleTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-05T09:00:00+08:00");
    private static final CommunicationLifecycle LIFECYCLE = new CommunicationLifecycle(Set.of("区食安办"));

    private static CommunicationAction action(String action, String by, String unit, String title) {
        return new CommunicationAction("RC-1", action, by, unit, NOW, "A-1", "120111", "西青区", "消费提示", title,
                "近期发现韭菜农药残留超标。", "清水浸泡冲洗。", "西青区食品安全委员会办公室", LocalDate.of(2026, 12, 6), null);
    }

    @Test
    void draftedEditedAndApprovedByASecondPersonOfTheOffice() {
        RiskCommunication drafted = LIFECYCLE.apply(null, action("draft", "li", "区市场监管局", "关于韭菜的消费提示"), NOW)
                .communication();
        assertEquals(CommunicationStatus.草稿, drafted.status());
        RiskCommunication edited = LIFECYCLE.apply(drafted, action("edit", "zhao", "区食安办", "关于选购韭菜的消费提示"), NOW)
                .communication();
        assertEquals("关于选购韭菜的消费提示", edited.title());
        assertEquals("zhao", edited.lastAuthor());

        CommunicationLifecycle.Outcome byTheEditor = LIFECYCLE.apply(edited, action("approve", "zhao", "区食安办", null), NOW);
        assertTrue(byTheEditor.refusal().contains("wrote this text last"), byTheEditor.refusal());
        CommunicationLifecycle.Outcome byAUnit = LIFECYCLE.apply(edited, action("approve", "wang", "区市场监管局", null), NOW);
        assertTrue(byAUnit.refusal().contains("approval is the food-safety office's"), byAUnit.refusal());

        RiskCommunication approved = LIFECYCLE.apply(edited, action("approve", "li", "区食安办", null), NOW).communication();
        assertEquals(CommunicationStatus.已批准, approved.status());
        assertEquals("li", approved.approvedBy());
        assertEquals(NOW, approved.approvedAt());
        assertEquals(3, approved.version());
        assertEquals("关于选购韭菜的消费提示", approved.title(), "approval keeps the text as edited");

        assertTrue(LIFECYCLE.apply(approved, action("edit", "zhao", "区食安办", "改"), NOW).refusal()
                .contains("is 已批准: nothing changes after that"));
        assertTrue(LIFECYCLE.apply(approved, action("draft", "zhao", "区食安办", "再起草"), NOW).refusal()
                .contains("drafted already"));
    }

    @Test
    void aWithdrawnDraftIsNeverApprovedAndAnIncompleteEditIsRefused() {
        RiskCommunication drafted = LIFECYCLE.apply(null, action("draft", "li", "区市场监管局", "关于韭菜的消费提示"), NOW)
                .communication();
        assertTrue(LIFECYCLE.apply(drafted, action("edit", "li", "区市场监管局", " "), NOW).refusal().contains("whole text"));
        RiskCommunication withdrawn = LIFECYCLE.apply(drafted, action("withdraw", "zhao", "区食安办", null), NOW).communication();
        assertEquals(CommunicationStatus.已撤回, withdrawn.status());
        assertNull(withdrawn.approvedBy());
        assertTrue(LIFECYCLE.apply(withdrawn, action("approve", "zhao", "区食安办", null), NOW).refusal().contains("已撤回"));
        assertTrue(LIFECYCLE.apply(null, action("approve", "zhao", "区食安办", null), NOW).refusal().contains("was drafted"));
    }
}
