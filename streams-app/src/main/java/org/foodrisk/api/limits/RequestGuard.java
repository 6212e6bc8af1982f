package org.foodrisk.api.limits;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sits right after the HTTP decoder of a connection and decides, before Micronaut sees a request,
 * whether it may go on: the address's request rate (429) and the route's body limit (413, see
 * {@link BodyLimits}). A declared Content-Length is judged from the head, before a byte of the
 * body is read. A chunked body on a limited route is held here until it has arrived (at most the
 * limit, a few KiB) and refused the moment it grows past the limit; a body is thus never buffered
 * beyond its route's limit. A refused request is answered in the API's error shape and the
 * connection closed, since the rest of its body is not wanted. It also stops the
 * {@link ReadDeadline} clock when a request has arrived whole.
 *
 * <p>HTTP/1.1 answers must leave in request order: when a refusal comes while Micronaut still owes
 * an answer to an earlier (pipelined) request, the connection is closed without one. One per
 * connection; Netty calls it on the connection's event loop only.
 */
final class RequestGuard extends ChannelDuplexHandler {

    private enum State { BETWEEN_REQUESTS, FORWARDING, HOLDING, DISCARDING }

    private final InetAddress address;
    private final RequestRates rates;
    private final BodyLimits limits;
    private final ReadDeadline deadline;
    private final HttpRefusals refusals;

    private State state = State.BETWEEN_REQUESTS;
    private long maxBytes;
    private long received;
    private final List<HttpObject> held = new ArrayList<>();
    /** Requests handed to Micronaut whose final answer has not been written yet. */
    private int answersOwed;
    private boolean writingFinalAnswer;

    RequestGuard(InetAddress address, RequestRates rates, BodyLimits limits, ReadDeadline deadline, HttpRefusals refusals) {
        this.address = address;
        this.rates = rates;
        this.limits = limits;
        this.deadline = deadline;
        this.refusals = refusals;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.DISCARDING) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest head) {
            onHead(ctx, head);
        } else if (msg instanceof HttpContent content) {
            onContent(ctx, content);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void onHead(ChannelHandlerContext ctx, HttpRequest head) {
        if (!rates.tryStart(address)) {
            ReferenceCountUtil.release(head);
            refuse(ctx, HttpRefusals.Reason.TOO_MANY_REQUESTS, HttpResponseStatus.TOO_MANY_REQUESTS,
                    "more than " + rates.perSecond() + " requests a second from this address; try again in a second");
            return;
        }
        maxBytes = limits.maxBytes(head.uri());
        received = 0;
        long declared = HttpUtil.getContentLength(head, -1L);
        if (declared > maxBytes) {
            ReferenceCountUtil.release(head);
            refuse(ctx, HttpRefusals.Reason.TOO_LARGE, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge(declared + " bytes"));
            return;
        }
        if (declared < 0 && maxBytes != BodyLimits.SERVER_LIMIT && HttpUtil.isTransferEncodingChunked(head)) {
            state = State.HOLDING;
            if (HttpUtil.is100ContinueExpected(head)) {
                // Held, Micronaut cannot say "go on": say it here, and not twice.
                head.headers().remove(HttpHeaderNames.EXPECT);
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
            }
            held.add(head);
            return;
        }
        state = State.FORWARDING;
        answersOwed++;
        ctx.fireChannelRead(head);
        if (head instanceof LastHttpContent) { // the decoder's stand-in for a request it could not read
            state = State.BETWEEN_REQUESTS;
            deadline.requestRead();
        }
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (state == State.HOLDING) {
            received += content.content().readableBytes();
            if (received > maxBytes) {
                ReferenceCountUtil.release(content);
                releaseHeld();
                refuse(ctx, HttpRefusals.Reason.TOO_LARGE, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                        tooLarge("more than " + maxBytes + " bytes"));
                return;
            }
            held.add(content);
            if (last) {
                answersOwed++;
                held.forEach(ctx::fireChannelRead);
                held.clear();
            }
        } else {
            ctx.fireChannelRead(content);
        }
        if (last) {
            state = State.BETWEEN_REQUESTS;
            deadline.requestRead();
        }
    }

    private String tooLarge(String size) {
        return "the body has " + size + "; at most " + maxBytes + " are accepted here";
    }

    private void refuse(ChannelHandlerContext ctx, HttpRefusals.Reason reason, HttpResponseStatus status, String why) {
        state = State.DISCARDING;
        deadline.requestRead();
        refusals.count(reason);
        if (answersOwed > 0) {
            ctx.close();
            return;
        }
        ByteBuf body = Unpooled.copiedBuffer("{\"error\":\"" + reason.tag + "\",\"reason\":\"" + why + "\"}",
                StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (status.equals(HttpResponseStatus.TOO_MANY_REQUESTS)) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        }
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** Counts Micronaut's final answers (not "100 Continue"), to know when a refusal may be answered. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            writingFinalAnswer = response.status().codeClass() != HttpStatusClass.INFORMATIONAL;
        }
        if (msg instanceof LastHttpContent && writingFinalAnswer) {
            writingFinalAnswer = false;
            answersOwed = Math.max(0, answersOwed - 1);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseHeld();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseHeld();
    }

    private void releaseHeld() {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }
}
