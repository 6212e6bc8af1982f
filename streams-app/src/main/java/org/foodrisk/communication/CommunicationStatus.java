package org.foodrisk.communication;

/** 草稿 (being written) → 已批准 (approved: may be published) or 已撤回 (dropped). Nothing else is public. */
public enum CommunicationStatus {
    草稿,
    已批准,
    已撤回
}
