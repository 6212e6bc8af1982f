package org.foodrisk.api.limits;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A request must have arrived whole (head and body) within a deadline from its first byte, else
 * the connection is closed. The idle timeout alone does not catch a slow sender: one byte every
 * 20 seconds keeps a connection from ever being idle, and holds it for as long as the sender
 * likes. The clock starts on bytes arriving between requests ({@link #watchBytes}, before the HTTP
 * decoder) and stops when the {@link RequestGuard} sees the end of the request; the time the
 * server takes to answer does not count. One per connection; used on its event loop only.
 */
final class ReadDeadline {

    private final long timeoutMillis;
    private final Runnable onExpired;
    private ScheduledFuture<?> timer;

    ReadDeadline(Duration timeout, Runnable onExpired) {
        this.timeoutMillis = timeout.toMillis();
        this.onExpired = onExpired;
    }

    /** The handler before the HTTP decoder: starts the clock when a request's first bytes arrive. */
    ChannelInboundHandlerAdapter watchBytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (timer == null) {
                    timer = ctx.executor().schedule(() -> expire(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                requestRead();
                ctx.fireChannelInactive();
            }
        };
    }

    /** The request being read has arrived whole (or was refused): the clock stops. */
    void requestRead() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        onExpired.run();
        ctx.close();
    }
}
