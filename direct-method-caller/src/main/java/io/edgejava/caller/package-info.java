/**
 * direct-method-caller: invokes direct methods of other modules through the hub, module to module.
 * On a burst of alerts from filter-module it resets sensor-module (and, when the sensor is away,
 * falls back to a control message the hub keeps for it); on a schedule it asks filter-module and
 * sql-writer-module for their stats; and {@code POST /invoke/{module}/{method}} lets a learner make
 * any call by hand.
 */
package io.edgejava.caller;
