package org.openrfid.trace.service.epcis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The EPCIS business context of each location ({@code epcis_location_config}) over REST: what the
 * ObjectEvents derived from its passages say as bizStep, disposition, readPoint and bizLocation.
 */
@RestController
@RequestMapping("/api/v1/epcis/location-config")
@Tag(name = "EPCIS location configuration", description = "Business context of the ObjectEvents derived from passages, per location")
class LocationConfigController {

    private final LocationConfigs configs;

    LocationConfigController(LocationConfigs configs) {
        this.configs = configs;
    }

    /** What a client sends; every field optional. */
    record LocationConfigRequest(
            @io.swagger.v3.oas.annotations.media.Schema(description = "CBV 2.0 business step (bare word, urn:epcglobal:cbv:bizstep:…, "
                    + "https://ref.gs1.org/cbv/BizStep-…) or a private vocabulary URI; default by direction", example = "receiving")
            String bizStep,
            @io.swagger.v3.oas.annotations.media.Schema(description = "CBV 2.0 disposition or a private vocabulary URI", example = "in_progress")
            String disposition,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the location's SGLN: EPC URI or Digital Link (AI 414)",
                    example = "urn:epc:id:sgln:0614141.00777.0")
            String sgln,
            @io.swagger.v3.oas.annotations.media.Schema(description = "readPoint id (absolute URI); default the SGLN, else the location URI")
            String readPoint,
            @io.swagger.v3.oas.annotations.media.Schema(description = "bizLocation id (absolute URI); default the SGLN, else the location URI")
            String bizLocation) {

        LocationConfig validated(String locationId) {
            return new LocationConfig(locationId, CbvTerms.bizStep("bizStep", bizStep), CbvTerms.disposition("disposition", disposition),
                    sgln(sgln), uri("readPoint", readPoint), uri("bizLocation", bizLocation));
        }

        private static String uri(String field, String value) {
            return value == null || value.isBlank() ? null : CbvTerms.absoluteUri(field, value);
        }

        private static String sgln(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.strip();
            String dl = DigitalLinks.toDigitalLink(v);
            if (dl == null || !dl.startsWith(DigitalLinks.DL + "414/")) {
                throw new IllegalArgumentException("sgln: '" + value + "' is not an SGLN (urn:epc:id:sgln:… or a Digital Link with AI 414)");
            }
            return v;
        }
    }

    /** The stored configuration with the effective readPoint and bizLocation events carry. */
    record LocationConfigView(String locationId, String bizStep, String disposition, String sgln, String readPoint, String bizLocation,
            String effectiveReadPoint, String effectiveBizLocation) {

        static LocationConfigView of(LocationConfig c) {
            return new LocationConfigView(c.locationId(), c.bizStep(), c.disposition(), c.sgln(), c.readPoint(), c.bizLocation(),
                    c.effectiveReadPoint(), c.effectiveBizLocation());
        }
    }

    /** One page; {@code nextCursor} is null on the last page. */
    record LocationConfigPage(List<LocationConfigView> items, String nextCursor, int limit) {
    }

    @GetMapping
    @Operation(summary = "Configured locations in location id order (code points), cursor-paged")
    LocationConfigPage list(@Parameter(description = "page size, 1..1000") @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        Limits.page(limit);
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        List<LocationConfig> page = configs.page(after, limit + 1);
        boolean more = page.size() > limit;
        List<LocationConfig> items = more ? page.subList(0, limit) : page;
        return new LocationConfigPage(items.stream().map(LocationConfigView::of).toList(),
                more ? Cursors.encode(items.get(items.size() - 1).locationId()) : null, limit);
    }

    @GetMapping("/{locationId}")
    @Operation(summary = "The configuration of one location")
    @ApiResponse(responseCode = "404", description = "the location has no configuration")
    LocationConfigView one(@PathVariable String locationId) {
        return configs.find(locationId).map(LocationConfigView::of).orElseThrow(() -> notFound(locationId));
    }

    @PutMapping(path = "/{locationId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sets (creates or replaces) the configuration of a registered location")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "200", description = "replaced")
    @ApiResponse(responseCode = "400", description = "a field is not valid, or the location is not registered (problem detail naming it)")
    ResponseEntity<LocationConfigView> put(@PathVariable String locationId, @RequestBody LocationConfigRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("body: a JSON object is required");
        }
        LocationConfig config = request.validated(locationId);
        boolean created = configs.put(config);
        LocationConfigView view = LocationConfigView.of(config);
        return created ? ResponseEntity.created(URI.create("/api/v1/epcis/location-config/"
                + UriUtils.encodePathSegment(locationId, java.nio.charset.StandardCharsets.UTF_8))).body(view) : ResponseEntity.ok(view);
    }

    @DeleteMapping("/{locationId}")
    @Operation(summary = "Removes the configuration; events then use the defaults")
    @ApiResponse(responseCode = "204", description = "removed")
    @ApiResponse(responseCode = "404", description = "the location had no configuration")
    ResponseEntity<Void> delete(@PathVariable String locationId) {
        if (!configs.delete(locationId)) {
            throw notFound(locationId);
        }
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException notFound(String locationId) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.NOT_FOUND);
        e.getBody().setTitle("No EPCIS configuration");
        e.getBody().setDetail("location '" + locationId + "' has no EPCIS configuration");
        return e;
    }
}
