package io.edgejava.iotedgecontract;

import io.edgejava.edge.runtime.EdgeProperties;

/**
 * SDK modules over MQTT over WebSocket (443, through the hub's front door), configured by {@code
 * EdgeHubConnectionString}.
 */
class MqttWebSocketConnectionStringContractTests extends IotEdgeTransportContract {

    @Override
    EdgeProperties.Protocol protocol() {
        return EdgeProperties.Protocol.MQTT_WS;
    }

    @Override
    boolean workload() {
        return false;
    }
}
