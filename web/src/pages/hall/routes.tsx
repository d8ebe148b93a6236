/** The hall's pages for App.tsx (lazy-loaded). */
import { useParams } from 'react-router-dom';
import { TicketPage } from './KioskPage';

export { KioskPage } from './KioskPage';
export { HallBoardPage } from './HallBoardPage';
export { WindowPage } from './WindowPage';
export { BookingPage } from './BookingPage';
export { MyBookingsPage } from './MyBookingsPage';
export { HallAdminPage } from './HallAdminPage';
export { HallStatsPage } from './HallStatsPage';
export { isHallAdmin, isHallStaff, canSeeHallStats } from './api';

export function TicketRoute() {
  const { id } = useParams();
  return <TicketPage id={id ?? ''} />;
}
