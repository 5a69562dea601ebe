package org.openrfid.trace.service.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The official EPCIS 2.0 JSON Schema (GS1, single-file inlined form, bundled in resources/epcis/schema). */
@Component
public class EpcisSchema {

    static final String RESOURCE = "/epcis/schema/EPCIS-JSON-Schema.json";

    private final JsonSchema schema;

    public EpcisSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = EpcisSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            schema = factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schema violations of a document or event, each as "location: message"; empty when valid. */
    public List<String> validate(JsonNode document) {
        return schema.validate(document).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> String.valueOf(m.getInstanceLocation()))
                        .thenComparing(ValidationMessage::getMessage))
                .map(m -> m.getMessage())
                .distinct()
                .toList();
    }
}
