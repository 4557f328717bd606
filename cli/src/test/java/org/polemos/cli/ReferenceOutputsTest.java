package org.polemos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the bytes of the bundled scenarios' outputs across restructurings (issue 11: mechanism-owned
 * parameters, named mechanisms, the wiring phase). The SHA-256 values were taken at commit f8a506e
 * (main before issue 11) with {@code ./polemos run <scenario> --seed 11 --replications 20 --threads
 * 2 --out DIR --no-report}; see docs/ARCHITECTURE.md, "Reference outputs". A change of the model's
 * behaviour (not of its structure) changes them on purpose: re-record them then, in the same
 * commit, and say why in its message.
 *
 * <p>summary.csv was re-recorded once since: issue 9 omits cells with n = 0. The new values are the
 * f8a506e summaries with exactly those rows removed (checked by filtering the old file), so the
 * restructuring still changed no value.
 *
 * <p>Re-recorded for issue 12 (places, stochastic combat, sieges, underground, the metrics {@code
 * fighters_underground} and {@code region_share_held}): minimal's events are unchanged, its series
 * and summary gain the new metrics.
 *
 * <p>levant-2014 re-recorded for issue 12's capture-date spread (ground offensives at a random
 * tempo, {@code processes.territory.offensiveTempoSigma} 0.8; the Iraqi Ramadi offensive of 2015
 * with a 90-day window and 17,000 fighters); minimal, which has neither, is unchanged.
 *
 * <p>Re-recorded for issue 13 (Bass departures and the border strip in levant-2014; the metrics
 * {@code hub_waiting}, {@code gave_up_cumulative}, {@code rerouted_cumulative}, {@code
 * frustrated_travellers}, {@code message_stay_call}; the message is off in both scenarios, so its
 * factor on departures is exactly 1 and its events are unchanged by it): minimal's events are
 * unchanged (its corridor never closes and has no capacity, so transit draws exactly as before),
 * its series and summary gain the five metrics; levant-2014 changes as intended
 * (docs/scenarios/levant-2014.md, "Flows of people"). levant-2014 re-recorded once more on merging
 * issues 12 and 13 together (random offensive tempo and Bass departures both act).
 *
 * <p>Re-recorded for issue 14, step 1 (money that runs out): revenue gains the {@code loot} stream
 * and the metrics {@code spending_usd} and {@code unfunded_usd} are new; levant-2014's economy has
 * new parameters (dated oil price, displacement, war and family spending, looting, cash lost) and a
 * {@code cash-strikes} intervention, and its pay cuts now act on desertion and recruitment, so its
 * series, summary and events change; minimal's events are unchanged.
 *
 * <p>Re-recorded for issue 14, step 2 (detection as terror queues): a plot is now foiled when an
 * intelligence team detects it (exponential time) before its duration runs out, instead of a
 * Bernoulli draw and a uniform time, so the random draws and the outcomes' timing change in both
 * scenarios; levant-2014 gains intelligenceServers and an encrypted-communication intervention (new
 * events). minimal's events are unchanged.
 *
 * <p>Re-recorded for issue 14, step 3 (the external operations branch as an organisation): the
 * share of recruits assigned to operations abroad no longer rises with the area lost (both
 * scenarios drop territorialShiftSensitivity), the branch has training places, operatives travel in
 * cells by corridors open at the time and make one plot per cell, and the plot metrics count plots
 * (cells) rather than people; levant-2014's role shares and cell sizes change. minimal's events are
 * unchanged.
 *
 * <p>Both scenarios re-recorded on merging issues 12, 13 and 14 together.
 *
 * <p>Re-recorded for issue 13, item 4 (states' travel instruments): the metrics {@code
 * prevented_departures_cumulative} and {@code prevented_departures_by_instrument_cumulative} are
 * new. minimal has no instrument: its events are unchanged and its series.csv without the new
 * metrics' rows is byte-identical to before (checked: same hash as the previous record), so only
 * the new rows and their summary change. levant-2014 gains three instruments in place of
 * travel-measures entries (France's exit bans, UK passport seizure, Tunisia's airport screening),
 * so its series, summary and events change as intended (docs/scenarios/levant-2014.md).
 *
 * <p>Re-recorded for issue 13, item 8 (foreign support staff desert and return, from a random
 * stream of their own): in both scenarios the events are unchanged and the only series rows that
 * differ are those of deserted_cumulative, foreign_support_serving, returnees_cumulative and
 * returnees_arrested_cumulative (checked by diffing series.csv before and after).
 *
 * <p>Re-recorded for issue 14, steps 4 and 5 (inspired and remote-guided plots, TE-SAT outcomes):
 * nine new metrics {@code <kind>_plots_{completed,failed,foiled}_cumulative}; plots_executed and
 * plots_foiled now sum the three kinds; inspired plots follow the home pools (no longer momentum),
 * go through the terror queues and draw from a stream of their own, so the directed branch's draws
 * (training times, cell sizes, corridors, delays) come in a different order; levant-2014 gains
 * remote handlers and a failed share. minimal's events are unchanged; levant-2014's change because
 * the operatives in training at a time move with those draws, and with them the recruits the full
 * branch sends to the front instead, and the operations budget the economy pays (pay cuts,
 * desertion), so combat differs.
 *
 * <p>Both re-recorded on merging issue 13's travel instruments and issue 14's plots by kind, with
 * levant-2014's in-sample re-tuning (Tal Abyad garrison, the Kurdish Kobani and Tal Abyad
 * offensives, the external-operations role share); minimal's events unchanged.
 *
 * <p>Re-recorded for issue 14's remaining steps (the branch selects operatives from serving foreign
 * fighters by nationality and language, also from the underground; dated exit routes; a depleting
 * home reach; the metrics {@code operatives_selected_cumulative} and {@code
 * cells_departed_cumulative}). minimal sets none of the new fields: its events are unchanged and
 * its series.csv and summary.csv without the two new metrics' rows are byte-identical to the
 * previous record (checked: same hashes). levant-2014 changes as intended: operatives are selected
 * instead of assigned at intake, the Aegean-Balkans route, the depleting reach, and the Deir ez-Zor
 * offensive of 2014 raised in sample (docs/scenarios/levant-2014.md).
 *
 * <p>Re-recorded on merging issue 13's women and minors (Families) after issue 14's remainder: both
 * scenarios' events are unchanged; their series and summary gain the families' metrics, and
 * foreign_arrivals_cumulative and returnees_cumulative now count everyone who arrived or returned.
 *
 * <p>Re-recorded on merging issue 13's items 5, 6 and 8 (exit control, detention, the foreign stock
 * at the start, support staff deaths) after the families: minimal's events are unchanged and its
 * series and summary gain the new metrics; levant-2014 changes as intended (the stock, the grip,
 * the re-tuned Tal Abyad garrison and the Kurdish and Iraqi offensives,
 * docs/scenarios/levant-2014.md).
 *
 * <p>Re-recorded on merging the operations branch's training places on held ground
 * (capacityFollows, metric operations_capacity): minimal (fixed places) keeps its events, its
 * series and summary gain the new metric's rows; levant-2014 (population) changes as intended.
 *
 * <p>Re-recorded on merging issue 12's remainder (assaults that go on after their reinforcement
 * window, front losses on the engaged force, exact areas, the Popular Mobilization at Karbala-
 * Najaf) with issues 13 and 14, and the in-sample re-tuning after it (a second Deir ez-Zor wave in
 * 2014, the Kurdish Tal Abyad offensive 8,000): levant-2014 changes as intended; minimal's outputs
 * change only by the exact area bookkeeping and the front-loss rule
 * (docs/scenarios/levant-2014.md).
 *
 * <p>levant-2014 re-recorded for issue 13, item 8 (in-sample re-tuning of the organisation's
 * lethality: combat.engagedShare 0.02 -> 0.006, localRecruitment.annualRatePerCapita 0.002 ->
 * 0.001, the Iraqi Baiji offensive of 2015 8,000 -> 10,000, externalOperations.selectionPerYear
 * 0.12 -> 0.11; scenario values only, no code change); minimal is unchanged.
 *
 * <p>levant-2014 re-recorded for issue 12's cost budget: the families draw a place's deaths and a
 * source's returns as one binomial split among the cells, and settle a few arrivals by a pick of a
 * place each (the same laws, fewer draws from their own stream). Its events are unchanged, and
 * every series row is byte-identical to the previous record but those of the seven metrics that
 * count women and minors (foreign_arrivals_cumulative, returnees_cumulative and the by-group,
 * deaths, detained and in-territory metrics; their men keys unchanged), checked by diffing
 * series.csv before and after. minimal has no families: unchanged.
 *
 * <p>levant-2014 re-recorded on merging issue 12's cost budget (the families' exact hypergeometric
 * split) after issue 13 item 8's lethality re-tuning: both change levant-2014's series and summary;
 * the events hash is the lethality branch's (the families' draws do not touch events); minimal
 * unchanged.
 */
class ReferenceOutputsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "levant-2014, ca31ccf041fc62138ee11554b14df273acbd2fb248390876a979e30dcc06e93f,"
        + " 2407e9bad9688865cf4868c0cc0a1491f48c95536e9ad76a98ea41ffdad2dded,"
        + " a8f292d4ea9f2cd4eada37b4f6d0aa47760b49f9c5877800a2a6f53be5f6cf5c",
    "minimal, ed1aa55d173735a569c89d53e7b84aac4f5c9b43b0d7238950234e0a3f4d1b6d,"
        + " 40f58e7a3b2fd3a576d4fcd053ea450adccaaeac8717ae1475f68b42a12901bd,"
        + " b10161a405e1faf2d4e9f635cc318089bab414b5fe9f9614a24452bf067a6b63"
  })
  void outputsOfTheBundledScenariosAreUnchanged(
      String scenario, String series, String summary, String events) throws Exception {
    Path out = tmp.resolve(scenario);
    CliRun run =
        CliRun.of(
            "run",
            scenario,
            "--seed",
            "11",
            "--replications",
            "20",
            "--threads",
            "2",
            "--out",
            out.toString(),
            "--no-report",
            "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(sha256(out.resolve("series.csv"))).as(scenario + " series.csv").isEqualTo(series);
    assertThat(sha256(out.resolve("summary.csv"))).as(scenario + " summary.csv").isEqualTo(summary);
    assertThat(sha256(out.resolve("events.ndjson")))
        .as(scenario + " events.ndjson")
        .isEqualTo(events);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
