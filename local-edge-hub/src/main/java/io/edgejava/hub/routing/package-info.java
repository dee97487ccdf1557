/**
 * edgeHub's routes: the route grammar and the IoT Hub routing-query conditions, compiled and
 * evaluated as edgeHub does, so that a deployment routes the same way here as on a device.
 *
 * <p>Start with {@link io.edgejava.hub.routing.RouteTable#compile}: it takes the {@code routes} of
 * {@code $edgeHub}'s desired properties ({@link io.edgejava.hub.routing.RouteDefinition}) and
 * rejects what edgeHub would reject, with a {@link io.edgejava.hub.routing.RouteSyntaxException}
 * that shows where. {@link io.edgejava.hub.routing.RouteTable#route} then decides, per message,
 * which sinks receive it.
 *
 * <h2>Routes</h2>
 *
 * <pre>
 * [SELECT *] FROM &lt;source&gt; [WHERE &lt;condition&gt;] INTO &lt;sink&gt;
 * </pre>
 *
 * Sources: {@code /*}, {@code /messages/*}, {@code /messages/modules/*}, {@code
 * /messages/modules/{m}/*}, {@code /messages/modules/{m}/outputs/*}, {@code
 * /messages/modules/{m}/outputs/{o}}. Sinks: {@code $upstream}, {@code
 * BrokeredEndpoint("/modules/{m}/inputs/{i}")}.
 *
 * <h2>Conditions</h2>
 *
 * <ul>
 *   <li>Values: strings in single or double quotes (escapes {@code \' \" \\ \}{@code uXXXX}),
 *       numbers (all doubles; {@code 1}, {@code -1.5}, {@code 1e3}, {@code 0x1F}), {@code true},
 *       {@code false}, {@code null}, {@code undefined} (literals in lower case only).
 *   <li>Application properties by bare name ({@code processingPath}); names may contain {@code - .
 *       + * % ! & | ' $ #}, and there is no quoting for names with spaces or other delimiters.
 *       Every application property is a string.
 *   <li>System properties as {@code $name}; an application property with that exact name wins,
 *       unless the name is written in braces, {@code {$name}}.
 *   <li>{@code $body.a.b[0]}: the JSON body, when the content type and encoding allow it.
 *   <li>Operators {@code = != <> < <= > >= + - * / % || ?? AND OR NOT} and parentheses; built-in
 *       functions {@code ABS EXP POWER SQUARE CEILING FLOOR SIGN SQRT AS_NUMBER IS_BOOL IS_DEFINED
 *       IS_NULL IS_NUMBER IS_STRING CONCAT LENGTH LOWER UPPER SUBSTRING INDEX_OF STARTS_WITH
 *       ENDS_WITH CONTAINS}, in any letter case.
 * </ul>
 *
 * <p>Conditions are statically typed, as in edgeHub: {@code temperature > 30} is a compile error
 * because {@code temperature} is a string; write {@code as_number(temperature) > 30}. Only {@code
 * $body} values are typed at run time. Missing values are undefined, undefined propagates through
 * operators and functions, AND, OR and NOT use three-valued logic, and a condition that is not true
 * routes nothing.
 */
package io.edgejava.hub.routing;
