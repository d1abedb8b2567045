import { nl } from "../messages/nl";
import { AppLink } from "./app-link";

export type NotificationView = {
  id: string;
  message: string;
  receivedAt: string;
  unread: boolean;
  href: string | null;
};

/** Newest first; an unread one says "Nieuw" in words, with a bar beside it as a second cue. */
export function NotificationList({ items }: { items: readonly NotificationView[] }) {
  return (
    <ul className="kp-notifications">
      {items.map((item) => (
        <li key={item.id} className={`kp-notification${item.unread ? " kp-notification--unread" : ""}`}>
          <p className="utrecht-paragraph kp-notification__message">
            {item.unread ? (
              <>
                <span className="utrecht-status-badge kp-status kp-status--new">{nl.notifications.unread}</span>{" "}
              </>
            ) : null}
            {item.href ? <AppLink to={item.href}>{item.message}</AppLink> : item.message}
          </p>
          <p className="utrecht-paragraph kp-notification__meta">{item.receivedAt}</p>
        </li>
      ))}
    </ul>
  );
}
