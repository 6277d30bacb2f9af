/**
 * The dataset version's {@code report.html}: one self-contained page (inline CSS, inline SVG, no script, nothing
 * fetched) rendered from plain values, the {@code Manifest} and the select stage's histograms, so it is tested on
 * values and the export job only gathers them and writes the page. Every text that comes from data is escaped
 * ({@link io.judgeforge.report.Html}).
 *
 * <p>Depends on {@code stage} (the reports and reasons), {@code stage.export} (the manifest), {@code stage.select}
 * (the balance report and IFD histogram) and {@code teacher} (the call outcomes); JDK only otherwise.
 */
package io.judgeforge.report;
