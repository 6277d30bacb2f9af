/**
 * Input tables: the one rule that tells a table's format from its location ({@link io.judgeforge.table.TableFormat})
 * and the file-name conventions that go with it ({@link io.judgeforge.table.FileNames}); and the type check of a
 * line's text fields ({@link io.judgeforge.table.StringFields}), which readers that coerce types cannot make.
 *
 * <p>Pure Java on names and lists of names, so that the meta-evaluation's plain-Java readers and the Spark jobs'
 * readers make the same decisions; listing a folder is the caller's, on whatever file system it reads.
 *
 * <p>Depends on the JDK, and on {@code io.judgeforge.json} (Jackson) for {@code StringFields}.
 */
package io.judgeforge.table;
