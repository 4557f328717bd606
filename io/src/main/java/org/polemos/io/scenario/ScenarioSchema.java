package org.polemos.io.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polemos.model.Coded;
import org.polemos.model.Omittable;
import org.polemos.model.Scenario;
import org.polemos.model.distribution.DistributionSpec;
import org.polemos.model.process.ProcessDefinition;
import org.polemos.model.process.ProcessRegistry;
import org.polemos.model.process.Processes;
import org.polemos.model.validation.Limits;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, derived from the model's records so that
 * it cannot drift from what {@link ScenarioReader} accepts; published as docs/scenario.schema.json
 * (a test keeps the two equal). Structural only, plus simple ranges: cross-references (a neighbour
 * that names a real region, shares that sum to 1) are checked by the scenario validator, not here.
 */
public final class ScenarioSchema {

  /** The schema's {@code $id}. */
  public static final String ID = "https://polemos.org/schema/scenario-1.json";

  /** Closed ranges of fields, by {@code Record.component}; {min, max}, either may be null. */
  private static final Map<String, Double[]> RANGES =
      Map.ofEntries(
          range("Region.population", 0.0, Limits.MAX_POPULATION),
          range("Region.areaKm2", null, Limits.MAX_AREA_KM2),
          range("Region.oilCapacityBblPerDay", 0.0, Limits.MAX_OIL_BBL_PER_DAY),
          range("Region.defensibility", null, Limits.MAX_MULTIPLIER),
          range("Region.forces", 0.0, Limits.MAX_FIGHTERS),
          range("Source.atRiskPool", 0.0, Limits.MAX_AT_RISK_POOL),
          range("Source.annualPropensity", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("Source.momentumSensitivity", -Limits.MAX_ELASTICITY, Limits.MAX_ELASTICITY),
          range("Region.unheldAreaKm2", 0.0, Limits.MAX_AREA_KM2),
          range("Region.symbolicWeight", 0.0, Limits.MAX_MULTIPLIER),
          range("Region.latitude", -90.0, 90.0),
          range("Region.longitude", -180.0, 180.0),
          range("Locality.population", 0.0, Limits.MAX_POPULATION),
          range("Locality.areaKm2", null, Limits.MAX_AREA_KM2),
          range("Locality.defensibility", null, Limits.MAX_MULTIPLIER),
          range("Locality.unheldAreaKm2", 0.0, Limits.MAX_AREA_KM2),
          range("Locality.latitude", -90.0, 90.0),
          range("Locality.longitude", -180.0, 180.0),
          range("Locality.forces", 0.0, Limits.MAX_FIGHTERS),
          range("Locality.symbolicWeight", 0.0, Limits.MAX_MULTIPLIER),
          range("Locality.oilCapacityBblPerDay", 0.0, Limits.MAX_OIL_BBL_PER_DAY),
          range("TerritoryParameters.lossNoise", 0.0, Limits.MAX_MULTIPLIER),
          range("TerritoryParameters.battleSigma", 0.0, Limits.MAX_LOG_SIGMA),
          range("TerritoryParameters.siegeAdvantage", 1.0, Limits.MAX_MULTIPLIER),
          range("TerritoryParameters.undergroundShare", 0.0, 1.0),
          range("TerritoryParameters.undergroundLossPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("TerritoryParameters.undergroundRetakeRatio", 0.0, Limits.MAX_MULTIPLIER),
          range("TerritoryParameters.offensiveTempoSigma", 0.0, Limits.MAX_LOG_SIGMA),
          range("TerritoryParameters.offensiveExhaustion", 0.0, 1.0),
          range("TerritoryParameters.foreignDetainedOnCapture", 0.0, 1.0),
          range("Source.fightersAtStart", 0.0, Limits.MAX_TRAVELLERS),
          range("Source.intelligenceEffectiveness", 0.0, 1.0),
          range("Corridor.departureScreening", 0.0, 1.0),
          range("Corridor.interdiction", 0.0, 1.0),
          range("Corridor.weight", 0.0, Limits.MAX_WEIGHT),
          range("Intervention.intensity", 0.0, Limits.MAX_INTENSITY),
          range("FactionParameters.effectiveness", 0.0, Limits.MAX_EFFECTIVENESS),
          range("FactionParameters.morale", 0.0, Limits.MAX_MULTIPLIER),
          range("IntakeParameters.servers", 1.0, (double) Limits.MAX_SERVERS),
          range("RoleShares.fighter", 0.0, 1.0),
          range("RoleShares.support", 0.0, 1.0),
          range("RoleShares.externalOperations", 0.0, 1.0),
          range("LocalRecruitmentParameters.annualRatePerCapita", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("LocalRecruitmentParameters.payDependence", 0.0, 1.0),
          range("CombatParameters.engagedShare", 0.0, 1.0),
          range("CombatParameters.captureRatio", 0.0, Limits.MAX_MULTIPLIER),
          range("CombatParameters.minimumGarrison", 0.0, Limits.MAX_FIGHTERS),
          range("CombatParameters.airStrikeEffect", 0.0, Limits.MAX_FIGHTERS),
          range("CombatParameters.airSupportMultiplier", 0.0, Limits.MAX_MULTIPLIER),
          range("CombatParameters.stepDays", Limits.MIN_STEP_DAYS, Limits.MAX_STEP_DAYS),
          range("MomentumParameters.memoryDays", 0.0, Limits.MAX_DAYS),
          range("MomentumParameters.gainWeight", 0.0, Limits.MAX_WEIGHT_FACTOR),
          range("MomentumParameters.lossWeight", 0.0, Limits.MAX_WEIGHT_FACTOR),
          range("MomentumParameters.perceptionDays", 0.0, Limits.MAX_DAYS),
          range("MomentumParameters.minimum", 1 / Limits.MAX_MULTIPLIER, 1.0),
          range("MomentumParameters.maximum", 1.0, Limits.MAX_MULTIPLIER),
          range("EconomyParameters.taxUsdPerCapitaPerDay", 0.0, Limits.MAX_USD_PER_UNIT),
          range("EconomyParameters.oilPriceUsdPerBbl", 0.0, Limits.MAX_USD_PER_UNIT),
          range("EconomyParameters.oilOutputShare", 0.0, 1.0),
          range("EconomyParameters.otherUsdPerDay", 0.0, Limits.MAX_USD),
          range("EconomyParameters.payUsdPerFighterPerDay", 0.0, Limits.MAX_USD_PER_UNIT),
          range("EconomyParameters.administrationUsdPerCapitaPerDay", 0.0, Limits.MAX_USD_PER_UNIT),
          range("EconomyParameters.initialTreasuryUsd", 0.0, Limits.MAX_USD),
          range("EconomyParameters.oilDecayPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("EconomyParameters.displacementPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("EconomyParameters.displacementOnCapture", 0.0, 1.0),
          range("EconomyParameters.warUsdPerFighterLost", 0.0, Limits.MAX_USD_PER_UNIT),
          range("EconomyParameters.familyUsdPerDeadPerDay", 0.0, Limits.MAX_USD_PER_UNIT),
          range("EconomyParameters.cashLossOnFall", 0.0, 1.0),
          range("EconomyParameters.lootUsdPerCapita", 0.0, Limits.MAX_USD_PER_UNIT),
          range("EconomyParameters.operationsUsdPerOperativePerDay", 0.0, Limits.MAX_USD_PER_UNIT),
          range("OilPrice.usdPerBbl", 0.0, Limits.MAX_USD_PER_UNIT),
          range("ExternalOperationsParameters.trainingPlaces", 1.0, (double) Limits.MAX_SERVERS),
          range("ExternalOperationsParameters.handlers", 0.0, (double) Limits.MAX_SERVERS),
          range("AttritionParameters.desertionPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("AttritionParameters.desertionMomentumSensitivity", 0.0, Limits.MAX_ELASTICITY),
          range("AttritionParameters.desertionUnpaidMultiplier", 1.0, Limits.MAX_MULTIPLIER),
          range("AttritionParameters.foreignReturnShare", 0.0, 1.0),
          range("AttritionParameters.returneeArrestProbability", 0.0, 1.0),
          range("AttritionParameters.exitStopBase", 0.0, 1.0),
          range("AttritionParameters.exitStopLossSensitivity", 0.0, 1.0),
          range("AttritionParameters.exitStoppedKilledShare", 0.0, 1.0),
          range("AttritionParameters.returnShareBySource", 0.0, 1.0),
          range("AttritionParameters.returneeArrestBySource", 0.0, 1.0),
          range("AttritionParameters.supportDeathRatio", 0.0, Limits.MAX_MULTIPLIER),
          range("CompartmentalParameters.transmissionPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("CompartmentalParameters.disengagementPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("CompartmentalParameters.departurePerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("CompartmentalParameters.initialRadicalisedShare", 0.0, 1.0),
          range("BassParameters.imitationPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("BassParameters.initialAdoptedShare", 0.0, 1.0),
          range("TransitParameters.closureDays", Limits.MIN_STEP_DAYS, Limits.MAX_DAYS),
          range("TransitParameters.giveUpPerDay", 0.0, 1.0),
          range("TransitParameters.reroutePerDay", 0.0, 1.0),
          range("FamiliesParameters.womenShare", 0.0, 1.0),
          range("FamiliesParameters.minorsShare", 0.0, 1.0),
          range("FamiliesParameters.deathsPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("FamiliesParameters.warExposure", 0.0, Limits.MAX_MULTIPLIER),
          range("FamiliesParameters.detainedOnCapture", 0.0, 1.0),
          range("FamiliesParameters.returnPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("FamilyShares.womenShare", 0.0, 1.0),
          range("FamilyShares.minorsShare", 0.0, 1.0),
          range("MessageParameters.lossTrigger", 0.0, 1.0),
          range("MessageParameters.rampDays", Limits.MIN_STEP_DAYS, Limits.MAX_DAYS),
          range("MessageParameters.stayCall", 0.0, 1.0),
          range("MessageParameters.departureEffect", 0.0, 1.0),
          range(
              "ExternalOperationsParameters.territorialShiftSensitivity",
              0.0,
              Limits.MAX_WEIGHT_FACTOR),
          range(
              "ExternalOperationsParameters.inspiredAttacksPerYear",
              0.0,
              Limits.MAX_EVENTS_PER_YEAR),
          range(
              "ExternalOperationsParameters.inspiredMomentumSensitivity",
              -Limits.MAX_ELASTICITY,
              Limits.MAX_ELASTICITY),
          range("ExternalOperationsParameters.frustratedWeight", 0.0, Limits.MAX_WEIGHT_FACTOR),
          range("ExternalOperationsParameters.returneeWeight", 0.0, Limits.MAX_WEIGHT_FACTOR),
          range("ExternalOperationsParameters.callGain", 0.0, Limits.MAX_WEIGHT_FACTOR),
          range(
              "ExternalOperationsParameters.guidedPlotsPerHandlerPerYear",
              0.0,
              Limits.MAX_EVENTS_PER_YEAR),
          range("ExternalOperationsParameters.attackFailure", 0.0, 1.0),
          range("ExternalOperationsParameters.selectionPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("ExternalOperationsParameters.reachDecayPerYear", 0.0, Limits.MAX_RATE_PER_YEAR),
          range("ExternalOperationsParameters.reachUsedPerPlot", 0.0, Limits.MAX_WEIGHT_FACTOR),
          range(
              "ExternalOperationsParameters.intelligenceServers", 1.0, (double) Limits.MAX_SERVERS),
          range("ExitRoute.interdiction", 0.0, 1.0),
          range("ExitRoute.weight", 0.0, Limits.MAX_WEIGHT));

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScenarioSchema() {}

  private static Map.Entry<String, Double[]> range(String key, Double min, Double max) {
    return Map.entry(key, new Double[] {min, max});
  }

  /** The schema as pretty-printed JSON, ending with a line break. */
  public static String json() {
    try {
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(tree())
              .replace("\r\n", "\n")
          + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The schema as a JSON tree. */
  public static ObjectNode tree() {
    ObjectNode root = NODES.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", ID);
    root.put("title", "Polemos scenario, schemaVersion " + ScenarioReader.SCHEMA_VERSION);
    root.put("description", "A Polemos scenario file (YAML or JSON). See docs/SCENARIO-FORMAT.md.");
    ObjectNode defs = NODES.objectNode();
    Set<Class<?>> done = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    ObjectNode scenario = recordSchema(Scenario.class, todo);
    ((ObjectNode) scenario.get("properties"))
        .set("schemaVersion", NODES.objectNode().put("const", ScenarioReader.SCHEMA_VERSION));
    ObjectNode properties = NODES.objectNode();
    properties.set("schemaVersion", scenario.get("properties").get("schemaVersion"));
    scenario
        .get("properties")
        .fields()
        .forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
    scenario.set("properties", properties);
    ArrayNode required = NODES.arrayNode().add("schemaVersion");
    scenario.get("required").forEach(required::add);
    scenario.set("required", required);
    root.setAll(scenario);
    done.add(Scenario.class);
    while (!todo.isEmpty()) {
      Class<?> next = todo.poll();
      if (done.add(next)) {
        defs.set(
            next.getSimpleName(),
            next == DistributionSpec.class
                ? distributionSchema(todo)
                : next == Processes.class ? processesSchema(todo) : recordSchema(next, todo));
      }
    }
    root.set("$defs", defs);
    return root;
  }

  private static ObjectNode recordSchema(Class<?> type, Deque<Class<?>> todo) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (RecordComponent component : type.getRecordComponents()) {
      ObjectNode property = typeSchema(component.getGenericType(), todo);
      Double[] range = RANGES.get(type.getSimpleName() + "." + component.getName());
      if (range != null) {
        ObjectNode target =
            property.has("additionalProperties")
                ? (ObjectNode) property.get("additionalProperties")
                : property;
        if (range[0] != null) {
          putNumber(target, "minimum", range[0]);
        }
        if (range[1] != null) {
          putNumber(target, "maximum", range[1]);
        }
      }
      properties.set(component.getName(), property);
      if (!component.isAnnotationPresent(Omittable.class)) {
        required.add(component.getName());
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static void putNumber(ObjectNode node, String field, double value) {
    if (value == Math.rint(value)) {
      node.put(field, (long) value);
    } else {
      node.put(field, value);
    }
  }

  /**
   * The {@code processes:} mapping: one optional property per section of {@link ProcessRegistry}.
   */
  private static ObjectNode processesSchema(Deque<Class<?>> todo) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    schema.put(
        "description",
        "Parameters of the mechanisms, one section each; an omitted section takes its"
            + " defaults. Extensions add sections (docs/EXTENDING.md).");
    ObjectNode sections = schema.putObject("properties");
    for (ProcessDefinition<?> d : ProcessRegistry.definitions()) {
      todo.add(d.type());
      sections.set(d.name(), NODES.objectNode().put("$ref", "#/$defs/" + d.type().getSimpleName()));
    }
    schema.set("required", NODES.arrayNode());
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode distributionSchema(Deque<Class<?>> todo) {
    ObjectNode schema = NODES.objectNode();
    schema.put("description", "A probability distribution, chosen by its type field.");
    ArrayNode oneOf = schema.putArray("oneOf");
    for (Map.Entry<String, Class<?>> entry : Binder.distributionTypes().entrySet()) {
      ObjectNode variant = recordSchema(entry.getValue(), todo);
      ObjectNode properties = NODES.objectNode();
      properties.set("type", NODES.objectNode().put("const", entry.getKey()));
      variant
          .get("properties")
          .fields()
          .forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
      variant.set("properties", properties);
      ArrayNode required = NODES.arrayNode().add("type");
      variant.get("required").forEach(required::add);
      variant.set("required", required);
      oneOf.add(variant);
    }
    return schema;
  }

  private static ObjectNode typeSchema(Type type, Deque<Class<?>> todo) {
    ObjectNode schema = NODES.objectNode();
    if (type instanceof ParameterizedType parameterized) {
      Type[] args = parameterized.getActualTypeArguments();
      if (parameterized.getRawType() == List.class) {
        schema.put("type", "array");
        schema.set("items", typeSchema(args[0], todo));
        return schema;
      }
      if (parameterized.getRawType() == Map.class) {
        schema.put("type", "object");
        schema.set("additionalProperties", typeSchema(args[1], todo));
        return schema;
      }
      throw new IllegalStateException("unsupported type " + type);
    }
    Class<?> cls = (Class<?>) type;
    if (cls == String.class) {
      schema.put("type", "string");
      schema.put("maxLength", Limits.MAX_TEXT_LENGTH);
    } else if (cls == double.class || cls == Double.class) {
      schema.put("type", "number");
    } else if (cls == long.class || cls == Long.class || cls == int.class || cls == Integer.class) {
      schema.put("type", "integer");
    } else if (cls == boolean.class || cls == Boolean.class) {
      schema.put("type", "boolean");
    } else if (cls == LocalDate.class) {
      schema.put("type", "string");
      schema.put("format", "date");
      schema.put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    } else if (cls.isEnum() && Coded.class.isAssignableFrom(cls)) {
      ArrayNode codes = schema.putArray("enum");
      Arrays.stream(cls.getEnumConstants()).map(c -> ((Coded) c).code()).forEach(codes::add);
    } else if (cls == DistributionSpec.class || cls == Processes.class || cls.isRecord()) {
      todo.add(cls);
      schema.put("$ref", "#/$defs/" + cls.getSimpleName());
    } else {
      throw new IllegalStateException("unsupported type " + type);
    }
    return schema;
  }
}
