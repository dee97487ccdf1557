package io.edgejava.iotedgecontract;

import io.edgejava.edge.runtime.EdgeProperties;

/** SDK modules over MQTT over WebSocket, through the workload API, as on a device. */
class MqttWebSocketWorkloadContractTests extends IotEdgeTransportContract {

    @Override
    EdgeProperties.Protocol protocol() {
        return EdgeProperties.Protocol.MQTT_WS;
    }

    @Override
    boolean workload() {
        return true;
    }
}
