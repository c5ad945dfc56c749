// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.directive;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.ytcs.core.catalog.Text;
import vn.ytcs.core.json.DocumentException;
import vn.ytcs.core.json.JsonDocuments;
import vn.ytcs.core.text.VietText;

/** Reads targets documents ({@code ytcs-targets/1}); the shipped one restates Hậu Giang's plan 89/KH-UBND. */
public final class Targets {

    public static final String SCHEMA = "targets-v1";
    private static final String SHIPPED = "/vn/ytcs/core/directive/d25-targets.json";

    private Targets() {
    }

    /** The province's targets where it has set them, else the shipped ones. */
    public static List<Target> inForce(List<Target> stored) {
        return stored.isEmpty() ? shipped() : stored;
    }

    public static List<Target> shipped() {
        return parse(JsonDocuments.readResource(SHIPPED, SCHEMA), SHIPPED);
    }

    public static List<Target> read(Path file) {
        return parse(JsonDocuments.read(file, SCHEMA), file.toString());
    }

    private static List<Target> parse(JsonNode root, String source) {
        List<Target> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonNode list = root.get("targets");
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String code = t.get("code").asText();
            if (!codes.add(code)) {
                throw new DocumentException(source, "$.targets[" + i + "].code", DocumentException.Problem.DUPLICATE, code);
            }
            JsonNode name = t.get("name");
            out.add(new Target(code, new Text(VietText.nfc(name.get("vi").asText()),
                    name.has("en") ? VietText.nfc(name.get("en").asText()) : null),
                    Target.Measure.valueOf(t.get("measure").asText()), Target.Comparison.valueOf(t.get("comparison").asText()),
                    t.get("value").decimalValue(), t.get("dueYear").asInt()));
        }
        return List.copyOf(out);
    }
}
