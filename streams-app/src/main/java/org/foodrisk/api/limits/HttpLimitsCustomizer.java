package org.foodrisk.api.limits;

import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Puts the HTTP limits into every accepted connection: counts it against {@link OpenConnections}
 * (closed at once when over), and around Netty's HTTP/1.1 decoder puts the {@link ReadDeadline}
 * and the {@link RequestGuard}. The service speaks HTTP/1.1 only (no TLS, so no HTTP/2 by ALPN;
 * h2c is off), which is the pipeline handled here; any other is left as Micronaut built it.
 */
final class HttpLimitsCustomizer implements NettyServerCustomizer {

    /** Micronaut's name for the HTTP/1.1 codec in a connection's pipeline (HttpPipelineBuilder). */
    static final String HTTP_CODEC = "http-server-codec";

    private static final Logger LOG = LoggerFactory.getLogger(HttpLimitsCustomizer.class);

    private final HttpLimitSettings settings;
    private final OpenConnections connections;
    private final RequestRates rates;
    private final BodyLimits limits;
    private final HttpRefusals refusals;

    HttpLimitsCustomizer(HttpLimitSettings settings, OpenConnections connections, RequestRates rates, BodyLimits limits,
                         HttpRefusals refusals) {
        this.settings = settings;
        this.connections = connections;
        this.rates = rates;
        this.limits = limits;
        this.refusals = refusals;
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        if (role == ChannelRole.CONNECTION && channel.remoteAddress() instanceof InetSocketAddress remote) {
            return new Connection(channel, remote.getAddress());
        }
        return this;
    }

    private final class Connection implements NettyServerCustomizer {

        private final Channel channel;
        private final InetAddress address;

        Connection(Channel channel, InetAddress address) {
            this.channel = channel;
            this.address = address;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return this;
        }

        @Override
        public void onInitialPipelineBuilt() {
            if (!connections.tryOpen(address)) {
                refusals.count(HttpRefusals.Reason.TOO_MANY_CONNECTIONS);
                LOG.debug("connection from {} closed: over the connection limit", address);
                channel.close();
                return;
            }
            channel.closeFuture().addListener(closed -> connections.closed(address));
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(HTTP_CODEC) == null) {
                return;
            }
            ReadDeadline deadline = new ReadDeadline(settings.requestReadTimeout(),
                    () -> refusals.count(HttpRefusals.Reason.TOO_SLOW));
            pipeline.addBefore(HTTP_CODEC, "foodrisk-read-deadline", deadline.watchBytes());
            pipeline.addAfter(HTTP_CODEC, "foodrisk-request-guard", new RequestGuard(address, rates, limits, deadline, refusals));
        }
    }
}
