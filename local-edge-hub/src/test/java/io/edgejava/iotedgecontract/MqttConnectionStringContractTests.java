package io.edgejava.iotedgecontract;

import io.edgejava.edge.runtime.EdgeProperties;

/** SDK modules over MQTT (TLS, 8883), configured by {@code EdgeHubConnectionString}. */
class MqttConnectionStringContractTests extends IotEdgeTransportContract {

    @Override
    EdgeProperties.Protocol protocol() {
        return EdgeProperties.Protocol.MQTT;
    }

    @Override
    boolean workload() {
        return false;
    }
}
