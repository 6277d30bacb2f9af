/**
 * Input tables: the one rule that tells a table's format from its location ({@link io.judgeforge.table.TableFormat})
 * and the file-name conventions that go with it ({@link io.judgeforge.table.FileNames}).
 *
 * <p>Pure Java on names and lists of names, so that the meta-evaluation's plain-Java readers and the Spark jobs'
 * readers make the same decisions; listing a folder is the caller's, on whatever file system it reads.
 *
 * <p>Depends on the JDK only.
 */
package io.judgeforge.table;
