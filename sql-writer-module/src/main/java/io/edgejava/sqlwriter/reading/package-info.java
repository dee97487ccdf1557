/**
 * Input {@code readings}: the filter's alerts (route {@code alertsToWriter}), each written as two
 * rows, exactly once per message id.
 */
package io.edgejava.sqlwriter.reading;
