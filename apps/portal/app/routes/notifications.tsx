import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi } from "../api-errors.server";
import { Alert } from "../components/alert";
import { NotificationList } from "../components/notification-list";
import { Pager } from "../components/pager";
import { Heading1, Paragraph } from "../components/typography";
import { formatDateTime } from "../lib/format";
import { pageHref } from "../lib/handover-filters";
import { isCursor } from "../lib/ids";
import { noticeAfter, noticeOf, withNotice } from "../lib/notices";
import { notificationHref } from "../lib/notification-view";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.notifications;
const PATH = "/meldingen";
const CURSOR_PARAM = "pagina";

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  const cursor = params.get(CURSOR_PARAM);
  const [page, unread] = await callApi(args, (api) =>
    Promise.all([api.notification.list(isCursor(cursor) ? { cursor } : {}), api.notification.unreadCount()]),
  );
  return {
    items: page.items.map((item) => ({
      id: item.id,
      message: item.message,
      receivedAt: m.receivedAt(formatDateTime(item.createdAt)),
      unread: item.readAt === null,
      href: notificationHref(item),
    })),
    unreadCount: unread.count,
    nextHref: page.nextCursor ? pageHref(PATH, params, CURSOR_PARAM, page.nextCursor) : null,
    firstHref: isCursor(cursor) ? pageHref(PATH, params, CURSOR_PARAM, null) : null,
    notice: noticeOf(args.request),
  };
}

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  if (formData.get("intent") === "mark-all-read") {
    await callApi(args, (api) => api.notification.markRead({ all: true }));
  }
  throw redirect(withNotice(PATH, noticeAfter.markAllRead));
}

export default function NotificationsRoute() {
  const { items, unreadCount, nextHref, firstHref, notice } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formAction === PATH;
  return (
    <div className="kp-prose">
      <Heading1>{m.heading}</Heading1>
      {notice ? (
        <Alert type="ok" role="status">
          {notice}
        </Alert>
      ) : null}
      <Paragraph>{m.intro}</Paragraph>
      {unreadCount > 0 ? (
        <Form method="post" className="kp-page-actions">
          <input type="hidden" name="intent" value="mark-all-read" />
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {m.markAllRead}
          </Button>
        </Form>
      ) : null}
      {items.length > 0 ? <NotificationList items={items} /> : <Paragraph>{m.empty}</Paragraph>}
      <Pager
        label={m.pagerLabel}
        nextHref={nextHref}
        nextLabel={m.nextPage}
        firstHref={firstHref}
        firstLabel={m.firstPage}
      />
    </div>
  );
}
