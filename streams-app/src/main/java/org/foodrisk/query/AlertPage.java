package org.foodrisk.query;

import org.foodrisk.alert.Alert;

import java.util.List;

/** One page of alerts, most severe and most recently updated first. */
public record AlertPage(long total, int page, int size, List<Alert> alerts) {
}
