// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The catalogs a program knows: those it ships, in force one after another. */
public final class Catalogs {

    private static final String DIR = "/vn/ytcs/core/catalog/";
    private static volatile Catalogs shipped;

    private final List<Catalog> all;

    public Catalogs(List<Catalog> all) {
        this.all = all.stream().sorted(Comparator.comparing(Catalog::effectiveFrom)).toList();
    }

    /** The catalogs shipped with the program (listed in {@code index.txt}), read and validated once. */
    public static Catalogs shipped() {
        Catalogs c = shipped;
        if (c == null) {
            List<Catalog> list = new ArrayList<>();
            try (InputStream in = Catalogs.class.getResourceAsStream(DIR + "index.txt")) {
                String index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String name : index.split("\\R")) {
                    if (!name.isBlank()) {
                        list.add(CatalogReader.readResource(DIR + name.strip()));
                    }
                }
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("shipped catalogs missing from the build", e);
            }
            c = new Catalogs(list);
            shipped = c;
        }
        return c;
    }

    public List<Catalog> all() {
        return all;
    }

    public Optional<Catalog> byId(String id) {
        return all.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The catalog in force on the day. */
    public Optional<Catalog> inForce(LocalDate day) {
        return all.stream().filter(c -> c.inForceOn(day)).reduce((a, b) -> b);
    }

    /** The catalog for assessing a year: the one in force at the end of it. */
    public Optional<Catalog> forPeriod(int year) {
        return inForce(LocalDate.of(year, 12, 31));
    }
}
