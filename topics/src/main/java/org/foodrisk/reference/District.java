package org.foodrisk.reference;

import java.util.List;

/** A county-level district: GB/T 2260 code, name, 2020 census population and its town names. */
public record District(String code, String name, long population, List<String> aliases, List<String> towns) {
}
